// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { created } from '@triage/testing/created'
import { createTriage, memoryStorage, newIdempotencyKey, TriageError } from '@triage/sdk'
import type { ReportCreate, TriageClient, TriageOptions } from '@triage/sdk'
import { fakeApi, problem } from '@triage/testing/fake-api'
import type { FakeApi } from '@triage/testing/fake-api'

const clients: TriageClient[] = []
function client(api: FakeApi, options: Partial<TriageOptions> = {}) {
  const triage = createTriage({ endpoint: 'https://triage.test', key: 'pk_test', fetch: api.fetch, storage: memoryStorage(), retry: { attempts: 2, baseDelayMs: 1 }, ...options })
  clients.push(triage)
  return triage
}
afterEach(() => {
  for (const triage of clients.splice(0)) triage.close()
})
const sentBody = (api: FakeApi) => api.posts()[0]?.body as ReportCreate

describe('report', () => {
  test('sends the idempotency key and publishable key, and resolves with the ticket and its actions', async () => {
    const api = fakeApi()
    const report = await created(client(api).report({ symptoms: 'The export button does nothing', answers: { impact: 'team' }, category: 'bug' }))
    expect(report).toMatchObject({ id: 'inc_1', number: 'INC-000001', status: 'new', reporterToken: 'rt_token_1' })
    expect(typeof report.follow).toBe('function')
    // The actions are functions: the report serialises to the server's answer alone…
    expect(JSON.parse(JSON.stringify(report))).toEqual(api.reports.values().next().value?.report)
    // …and a copy keeps them.
    const copy = { ...report, seen: true }
    expect(typeof copy.follow).toBe('function')
    await expect(copy.reply('Still there?')).resolves.toMatchObject({ status: 'in_progress' })
    const [post] = api.posts()
    expect(post?.headers.get('x-triage-key')).toBe('pk_test')
    expect(post?.headers.get('idempotency-key')).toMatch(/^[\x21-\x7e]{16,}$/)
    expect(sentBody(api)).toMatchObject({ symptoms: 'The export button does nothing', answers: { impact: 'team' }, category: 'bug' })
  })

  test('makes idempotency keys without crypto.randomUUID (plain-http pages): 128 random bits, each new, valid for the server', () => {
    const randomUUID = vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
      throw new Error('crypto.randomUUID is only available in secure contexts')
    })
    const keys = Array.from({ length: 500 }, () => newIdempotencyKey())
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(randomUUID).not.toHaveBeenCalled()
    randomUUID.mockRestore()
  })

  test("leaves the reporter's own words alone, even when they look like secrets", async () => {
    const api = fakeApi()
    const symptoms = 'My password: hunter2 does not work and card 4242 4242 4242 4242 was charged twice'
    await client(api).report({ symptoms, answers: { detail: 'token=abc' } })
    expect(sentBody(api)).toMatchObject({ symptoms, answers: { detail: 'token=abc' } })
  })

  test("scrubs the app's own context and lets it override what was captured", async () => {
    const api = fakeApi()
    await client(api).report({ symptoms: 'x', context: { appVersion: 'from-call', order: { id: 'o_1', apiKey: 'k' }, note: 'Bearer abc123def456ghi789' } })
    expect(sentBody(api).context).toMatchObject({ appVersion: 'from-call', order: { id: 'o_1', apiKey: '[redacted:api_key]' }, note: 'Bearer [redacted:token]' })
  })

  test('beforeSend sees the scrubbed report and may change it', async () => {
    const api = fakeApi()
    const seen: ReportCreate[] = []
    const beforeSend = (report: ReportCreate) => {
      seen.push(report)
      return { ...report, context: { ...report.context, tenant: 'acme' }, category: 'billing' }
    }
    await client(api, { beforeSend }).report({ symptoms: 'x', context: { session: 'abc' } })
    expect(seen[0]?.context?.['session']).toBe('[redacted:token]')
    expect(sentBody(api)).toMatchObject({ category: 'billing', context: { tenant: 'acme' } })
  })

  test('beforeSend returning null drops the report: nothing is sent or queued', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const error = await client(api, { beforeSend: () => null, storage })
      .report({ symptoms: 'x' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TriageError)
    expect(error).toMatchObject({ code: 'dropped' })
    expect(api.requests).toHaveLength(0)
    expect(storage.getItem('triage:queue:pk_test')).toBeNull()
  })
})

describe('identify', () => {
  test('prefills the contact and sends the user id and hash in the context', async () => {
    const api = fakeApi()
    const triage = client(api)
    triage.identify({ id: 'u_42', name: 'Ada Lovelace', email: 'ada@example.com', userHash: 'h_1' })
    await triage.report({ symptoms: 'x' })
    expect(sentBody(api)).toMatchObject({ contact: { name: 'Ada Lovelace', email: 'ada@example.com' }, context: { user: { id: 'u_42', hash: 'h_1' } } })
  })

  test('a contact given with the report wins, field by field; null forgets the user', async () => {
    const api = fakeApi()
    const triage = client(api)
    triage.identify({ id: 'u_42', name: 'Ada Lovelace', email: 'ada@example.com' })
    await triage.report({ symptoms: 'x', contact: { email: 'ada@work.example' } })
    expect(sentBody(api).contact).toEqual({ name: 'Ada Lovelace', email: 'ada@work.example' })
    triage.identify(null)
    await triage.report({ symptoms: 'y' })
    const second = api.posts()[1]?.body as ReportCreate
    expect(second.contact).toBeUndefined()
    expect(second.context?.['user']).toBeUndefined()
  })
})

describe("the reporter's actions", () => {
  test('reply, confirm and reopen send the reporter token kept when the report was made', async () => {
    const api = fakeApi()
    const triage = client(api)
    const report = await created(triage.report({ symptoms: 'x' }))
    await expect(report.reply('It happens in Firefox too.')).resolves.toMatchObject({ status: 'in_progress' })
    await expect(triage.confirm(report.id, { reason: 'fixed' })).resolves.toMatchObject({ status: 'closed' })
    await expect(triage.reopen(report.id)).resolves.toMatchObject({ status: 'in_progress' })
    const actions = api.requests.filter((request) => request.method === 'POST' && request.path !== '/v1/reports')
    expect(actions.map((request) => [request.path, request.body])).toEqual([
      ['/v1/reports/inc_1/messages', { body: 'It happens in Firefox too.' }],
      ['/v1/reports/inc_1/confirm', { reason: 'fixed' }],
      ['/v1/reports/inc_1/reopen', {}],
    ])
    expect(actions.every((request) => request.headers.get('authorization') === 'Bearer rt_token_1')).toBe(true)
  })

  test('a reply whose answer was lost is not sent twice', async () => {
    const api = fakeApi()
    const triage = client(api)
    const report = await created(triage.report({ symptoms: 'x' }))
    api.interrupt('network')
    await expect(report.reply('once')).rejects.toMatchObject({ code: 'network_error' })
    expect(api.requests.filter((request) => request.path.endsWith('/messages'))).toHaveLength(1)
  })

  test('a report this browser does not know needs its token', async () => {
    const triage = client(fakeApi())
    expect(() => triage.follow('inc_9', () => {})).toThrow(TriageError)
    await expect(triage.getReport('inc_9')).rejects.toMatchObject({ code: 'no_token' })
    await expect(triage.reply('inc_9', 'hello')).rejects.toMatchObject({ code: 'no_token' })
  })

  test('getReport uses the kept token, or the one given', async () => {
    const api = fakeApi()
    const triage = client(api)
    const report = await created(triage.report({ symptoms: 'x' }))
    await expect(triage.getReport(report.id)).resolves.toMatchObject({ id: 'inc_1', tier: 'L1' })
    await expect(triage.getReport(report.id, 'rt_wrong')).rejects.toMatchObject({ code: 'not_found', status: 404 })
  })
})

describe('myReports', () => {
  test('lists the reports made here with their current status, and forgets those whose token stopped working', async () => {
    const api = fakeApi()
    const storage = memoryStorage()
    const triage = client(api, { storage })
    const first = await created(triage.report({ symptoms: 'first' }))
    await triage.report({ symptoms: 'second' })
    api.setStatus(first.id, 'resolved')
    expect((await triage.myReports()).map((report) => (report.status === 'queued' ? report.symptoms : `${report.number} ${report.status}`))).toEqual([
      'INC-000002 new',
      'INC-000001 resolved',
    ])
    api.interrupt(() => problem(404, 'not_found', 'gone'))
    expect(await triage.myReports()).toHaveLength(1)
    // A new page over the same storage knows them too.
    expect(await client(api, { storage }).myReports()).toHaveLength(1)
  })

  test('shows the last status seen when the server is out of reach', async () => {
    const api = fakeApi()
    const triage = client(api)
    const report = await created(triage.report({ symptoms: 'x' }))
    api.setStatus(report.id, 'pending_reporter')
    await triage.getReport(report.id)
    api.down = true
    expect(await triage.myReports()).toMatchObject([{ number: 'INC-000001', status: 'pending_reporter' }])
  })
})

describe('diagnose', () => {
  test("asks with the publishable key, the symptoms and the reporter's language", async () => {
    const api = fakeApi()
    const result = await client(api, { locale: 'fr' }).diagnose('Je ne peux pas me connecter')
    expect(result.category.value).toBe('access')
    const [request] = api.requests
    expect(request?.path).toBe('/v1/diagnostics?symptoms=Je+ne+peux+pas+me+connecter&locale=fr')
    expect(request?.headers.get('x-triage-key')).toBe('pk_test')
  })

  test('asks for the questions of the category the reporter picked', async () => {
    const api = fakeApi()
    await client(api, { locale: 'en' }).diagnose('I was charged twice', { category: 'billing' })
    expect(api.requests[0]?.path).toBe('/v1/diagnostics?symptoms=I+was+charged+twice&locale=en&category=billing')
  })
})

describe('follow', () => {
  test('sends nothing when stopped before its code has loaded (it comes on first use)', async () => {
    const api = fakeApi()
    const triage = client(api)
    const report = await created(triage.report({ symptoms: 'x' }))
    const requests = api.requests.length
    const onUpdate = vi.fn()
    const stop = triage.follow(report.id, onUpdate, { pollMs: 5 })
    stop()
    // Once its code has come (the same module), a follow that started would have asked already.
    await import('./follow.ts')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.requests.length).toBe(requests)
    expect(onUpdate).not.toHaveBeenCalled()
    // Started again, it follows: the code that came is used.
    const again = triage.follow(report.id, onUpdate, { pollMs: 5 })
    await vi.waitFor(() => expect(onUpdate).toHaveBeenCalledTimes(1))
    again()
  })
})

describe('close', () => {
  test('stops following and removes the listeners', async () => {
    const api = fakeApi()
    const triage = client(api)
    const report = await created(triage.report({ symptoms: 'x' }))
    const onUpdate = vi.fn()
    vi.useFakeTimers()
    try {
      triage.follow(report.id, onUpdate, { pollMs: 5 })
      await vi.waitFor(() => expect(onUpdate).toHaveBeenCalledTimes(1))
      triage.close()
      const requests = api.requests.length
      // A poll still running would come within the time advanced.
      await vi.advanceTimersByTimeAsync(1_000)
      dispatchEvent(new Event('online'))
      expect(api.requests.length).toBe(requests)
    } finally {
      vi.useRealTimers()
    }
  })
})

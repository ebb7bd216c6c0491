// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createTriage, createTriageCore, memoryStorage, type TriageError } from '@triage/sdk'
import type { QueuedReport, ReportCreated, TriageCore, TriageStorage } from '@triage/sdk'
import { fakeApi, problem } from '@triage/testing/fake-api'

const retry = { attempts: 2, baseDelayMs: 1 }
const clients: TriageCore[] = []
function client(options: { fetch: typeof fetch; storage?: TriageStorage; onSent?: (report: ReportCreated) => void; onError?: (error: TriageError) => void }) {
  const triage = createTriageCore({ endpoint: 'https://triage.test', key: 'pk_test', retry, ...options })
  clients.push(triage)
  return triage
}
afterEach(() => {
  for (const triage of clients.splice(0)) triage.close()
  localStorage.clear()
  vi.restoreAllMocks()
})

/** How `report()` settled: the report it resolved with (queued, here), or the error it rejected with. */
type Outcome = Partial<QueuedReport> & Partial<Pick<TriageError, 'code' | 'detail'>>
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (answer) => answer as Outcome,
    (error: unknown) => error as Outcome,
  )

describe('offline queue', () => {
  test('keeps a report the server could not get, and a new client over the same storage (a reload) sends it once', async () => {
    const storage = memoryStorage()
    const api = fakeApi()
    api.down = true
    const queued = await outcome(client({ fetch: api.fetch, storage }).report({ symptoms: 'Export fails' }))
    // Safely saved, so not a failure: it resolves with the report as it waits.
    expect(queued).not.toBeInstanceOf(Error)
    expect(queued).toMatchObject({ status: 'queued', symptoms: 'Export fails' })
    expect(queued?.queuedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(api.posts()).toHaveLength(retry.attempts)
    expect(JSON.parse(storage.getItem('triage:queue:pk_test') ?? '[]')).toHaveLength(1)

    api.down = false
    const sent: ReportCreated[] = []
    client({ fetch: api.fetch, storage, onSent: (report) => sent.push(report) })
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]?.number).toBe('INC-000001')
    expect(api.reports.size).toBe(1)
    expect(storage.getItem('triage:queue:pk_test')).toBeNull()
    // Every attempt, before and after the reload, carried the key made when the report was.
    const keys = new Set(api.posts().map((request) => request.headers.get('idempotency-key')))
    expect(keys.size).toBe(1)
    expect(queued?.idempotencyKey).toBe([...keys][0])
  })

  test('uses localStorage by default in a browser', async () => {
    const api = fakeApi()
    api.down = true
    await outcome(client({ fetch: api.fetch }).report({ symptoms: 'Export fails' }))
    expect(JSON.parse(localStorage.getItem('triage:queue:pk_test') ?? '[]')).toMatchObject([{ body: { symptoms: 'Export fails' } }])
    api.down = false
    await client({ fetch: api.fetch }).flush()
    expect(localStorage.getItem('triage:queue:pk_test')).toBeNull()
  })

  test('queues at once without trying when the browser says it is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const api = fakeApi()
    const queued = await outcome(client({ fetch: api.fetch }).report({ symptoms: 'No network' }))
    expect(queued?.status).toBe('queued')
    expect(api.requests).toHaveLength(0)
  })

  test('sends the queue when the browser comes back online', async () => {
    const api = fakeApi()
    api.down = true
    const triage = client({ fetch: api.fetch })
    await outcome(triage.report({ symptoms: 'Offline for a while' }))
    api.down = false
    dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(api.reports.size).toBe(1))
    await vi.waitFor(() => expect(localStorage.getItem('triage:queue:pk_test')).toBeNull())
  })

  test('sends what waits after the next successful report', async () => {
    const api = fakeApi()
    const triage = client({ fetch: api.fetch })
    api.down = true
    await outcome(triage.report({ symptoms: 'first' }))
    api.down = false
    await triage.report({ symptoms: 'second' })
    await vi.waitFor(() => expect(api.reports.size).toBe(2))
    expect([...api.reports.values()].map(({ body }) => body.symptoms).sort()).toEqual(['first', 'second'])
  })

  test('on pagehide, sends the queue with keepalive fetches under the same keys', async () => {
    const api = fakeApi()
    const triage = client({ fetch: api.fetch })
    api.down = true
    const queued = await outcome(triage.report({ symptoms: 'Closing the tab' }))
    api.down = false
    dispatchEvent(new Event('pagehide'))
    await vi.waitFor(() => expect(api.reports.size).toBe(1))
    const last = api.requests.at(-1)
    expect(last?.keepalive).toBe(true)
    expect(last?.headers.get('idempotency-key')).toBe(queued?.idempotencyKey)
    expect(last?.headers.get('x-triage-key')).toBe('pk_test')
  })

  test('a queued report the server refuses for good leaves the queue and reaches onError; the next one still goes', async () => {
    const storage = memoryStorage()
    const api = fakeApi()
    api.down = true
    const offline = client({ fetch: api.fetch, storage })
    await outcome(offline.report({ symptoms: 'refused' }))
    await outcome(offline.report({ symptoms: 'accepted' }))
    api.down = false
    api.interrupt(() => problem(422, 'validation_failed', 'symptoms: too long'))
    const errors: TriageError[] = []
    const { sent, pending } = await client({ fetch: api.fetch, storage, onError: (error) => errors.push(error) }).flush()
    expect(errors).toMatchObject([{ code: 'validation_failed', status: 422 }])
    expect(errors[0]?.idempotencyKey).toBeTruthy()
    expect({ sent, pending }).toEqual({ sent: 1, pending: 0 })
    expect([...api.reports.values()].map(({ body }) => body.symptoms)).toEqual(['accepted'])
  })

  test('keeps the queue when the server still fails (5xx), and stops at the first such failure', async () => {
    const storage = memoryStorage()
    const api = fakeApi()
    api.down = true
    const triage = client({ fetch: api.fetch, storage })
    await outcome(triage.report({ symptoms: 'one' }))
    await outcome(triage.report({ symptoms: 'two' }))
    api.down = false
    api.interrupt(
      () => problem(503, 'internal_error', 'busy'),
      () => problem(503, 'internal_error', 'busy'),
    )
    const before = api.requests.length
    expect(await triage.flush()).toEqual({ sent: 0, pending: 2 })
    expect(api.requests.length - before).toBe(retry.attempts)
  })

  test('does not queue what the server refused (a 4xx): the caller gets the problem', async () => {
    const api = fakeApi()
    api.interrupt(() => problem(401, 'invalid_key', 'This publishable key is unknown.'))
    const error = await outcome(client({ fetch: api.fetch }).report({ symptoms: 'x' }))
    expect(error).toMatchObject({ code: 'invalid_key', status: 401, detail: 'This publishable key is unknown.' })
    expect(localStorage.getItem('triage:queue:pk_test')).toBeNull()
  })

  test('rejects with the network error itself when the report could not be saved (storage full)', async () => {
    const full: TriageStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError')
      },
      removeItem: () => {},
    }
    const api = fakeApi()
    api.down = true
    const error = await outcome(client({ fetch: api.fetch, storage: full }).report({ symptoms: 'x' }))
    expect(error?.code).toBe('network_error')
  })

  test('saves a report before sending it, so a page closed mid-request still delivers it', async () => {
    const storage = memoryStorage()
    const never: typeof fetch = () => new Promise<Response>(() => {})
    void client({ fetch: never, storage }).report({ symptoms: 'in flight' })
    expect(JSON.parse(storage.getItem('triage:queue:pk_test') ?? '[]')).toMatchObject([{ body: { symptoms: 'in flight' } }])
  })

  test('a retried report with the same idempotency key is saved once', async () => {
    const storage = memoryStorage()
    const api = fakeApi()
    api.down = true
    const triage = client({ fetch: api.fetch, storage })
    await outcome(triage.report({ symptoms: 'same' }, { idempotencyKey: 'key-1' }))
    await outcome(triage.report({ symptoms: 'same' }, { idempotencyKey: 'key-1' }))
    expect(JSON.parse(storage.getItem('triage:queue:pk_test') ?? '[]')).toHaveLength(1)
  })

  test('a report sent again under its key while it waits goes as first prepared (the server refuses a key with another body)', async () => {
    const api = fakeApi()
    const triage = client({ fetch: api.fetch })
    api.down = true
    history.replaceState(null, '', '/first-page')
    await outcome(triage.report({ symptoms: 'same' }, { idempotencyKey: 'key-2' }))
    api.down = false
    history.replaceState(null, '', '/second-page')
    await triage.report({ symptoms: 'same' }, { idempotencyKey: 'key-2' })
    history.replaceState(null, '', '/')
    const urls = api.posts().map((request) => (request.body as { context: { url: string } }).context.url)
    expect(new Set(urls)).toEqual(new Set([`${location.origin}/first-page`]))
  })

  test('the full client keeps a queued report in myReports until it is sent, then lists it with its number', async () => {
    const storage = memoryStorage()
    const api = fakeApi()
    api.down = true
    const triage = createTriage({ endpoint: 'https://triage.test', key: 'pk_test', retry, fetch: api.fetch, storage })
    clients.push(triage)
    await outcome(triage.report({ symptoms: 'Printer on fire' }))
    expect(await triage.myReports()).toMatchObject([{ status: 'queued', symptoms: 'Printer on fire' }])
    api.down = false
    await triage.flush()
    expect(await triage.myReports()).toMatchObject([{ number: 'INC-000001', status: 'new', reporterToken: 'rt_token_1' }])
  })
})

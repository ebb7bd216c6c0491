import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { created } from '@triage/testing/created'
import type { IncidentList } from '@triage/protocol'
import type { EphemeralServer } from '@triage/testing/ephemeral-server'
import { startEphemeralServer } from '@triage/testing/ephemeral-server'
import { createTriage, createTriageCore, memoryStorage, TriageError } from '@triage/sdk'
import type { ReportView } from '@triage/sdk'

// The SDK against the real server over HTTP. Where a test needs a bad network, it wraps the
// real fetch: some calls fail before or after reaching the server, the rest go through.
let server: EphemeralServer
beforeAll(async () => {
  server = await startEphemeralServer()
})
afterAll(() => server.stop())

const fastRetry = { attempts: 4, baseDelayMs: 1 }

interface Call {
  idempotencyKey: string | null
}

function flakyFetch(plan: ('ok' | 'fail-before' | 'fail-after' | '503')[]) {
  const calls: Call[] = []
  const wrapped: typeof fetch = async (input, init) => {
    const step = plan[calls.length] ?? 'ok'
    calls.push({ idempotencyKey: new Headers(init?.headers).get('idempotency-key') })
    if (step === 'fail-before') throw new TypeError('fetch failed')
    if (step === '503') return new Response('{"code":"internal_error","detail":"busy"}', { status: 503 })
    const response = await fetch(input, init)
    if (step === 'fail-after') throw new TypeError('connection reset after the request was sent')
    return response
  }
  return { fetch: wrapped, calls }
}

async function incidentsWith(symptoms: string): Promise<number> {
  const response = await fetch(`${server.url}/v1/incidents?limit=200`, { headers: { authorization: `Bearer ${server.secretKey}` } })
  const list = (await response.json()) as IncidentList
  return list.items.filter((incident) => incident.symptoms === symptoms).length
}

describe('createTriage().report', () => {
  it('files a report and reads it back as the reporter', async () => {
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey })
    const report = await created(triage.report({ symptoms: 'The invoice PDF will not download' }))
    expect(report.number).toMatch(/^INC-\d{6}$/)
    const view = await triage.getReport(report.id, report.reporterToken)
    expect(view).toMatchObject({ id: report.id, status: 'new' })
  })

  it('retries a lost response with the same idempotency key and gets one incident', async () => {
    const network = flakyFetch(['fail-after', 'ok'])
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, fetch: network.fetch, retry: fastRetry })
    const symptoms = `Saved filters vanish ${crypto.randomUUID()}`
    const report = await created(triage.report({ symptoms }))
    expect(network.calls).toHaveLength(2)
    expect(network.calls[0]?.idempotencyKey).toBeTruthy()
    expect(network.calls[1]?.idempotencyKey).toBe(network.calls[0]?.idempotencyKey)
    expect(report.number).toMatch(/^INC-/)
    expect(await incidentsWith(symptoms)).toBe(1)
  })

  it('retries 503s and network failures, then succeeds', async () => {
    const network = flakyFetch(['503', 'fail-before', 'ok'])
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, fetch: network.fetch, retry: fastRetry })
    await expect(triage.report({ symptoms: 'flaky but fine' })).resolves.toMatchObject({ status: 'new' })
    expect(network.calls).toHaveLength(3)
  })

  it('gives up after the configured attempts, keeps the report queued, and flush() files it once', async () => {
    const network = flakyFetch(['fail-before', 'fail-before', 'fail-before', 'fail-after', 'ok'])
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, fetch: network.fetch, retry: fastRetry })
    const symptoms = `Arrives late ${crypto.randomUUID()}`
    const queued = await triage.report({ symptoms })
    expect(queued).toMatchObject({ status: 'queued', symptoms })
    expect(network.calls).toHaveLength(4)
    // The last attempt reached the server but its answer was lost: the flush replays it.
    expect(await triage.flush()).toEqual({ sent: 1, pending: 0 })
    expect(new Set(network.calls.map((call) => call.idempotencyKey)).size).toBe(1)
    expect(await incidentsWith(symptoms)).toBe(1)
  })

  it('throws the server problem as a typed error and does not retry a 4xx', async () => {
    const network = flakyFetch([])
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, fetch: network.fetch, retry: fastRetry })
    const error = (await triage.report({ symptoms: '   ' }).catch((e: unknown) => e)) as TriageError
    expect(error).toBeInstanceOf(TriageError)
    expect(error).toMatchObject({ code: 'validation_failed', status: 422 })
    expect(error.detail).toContain('symptoms')
    expect(error.problem?.errors?.[0]?.path).toBe('symptoms')
    expect(network.calls).toHaveLength(1)
  })

  it('reports an unknown key as invalid_key', async () => {
    const triage = createTriage({ endpoint: server.url, key: 'pk_not_a_real_key' })
    await expect(triage.report({ symptoms: 'x' })).rejects.toMatchObject({ code: 'invalid_key', status: 401 })
  })
})

async function asAgent(path: string, body: object): Promise<void> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
}

describe("the reporter's side of a ticket", () => {
  it('follows the report while an agent works on it, answers, confirms the fix and reopens it', async () => {
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey })
    const report = await created(triage.report({ symptoms: 'The invoice PDF is blank' }))
    const seen: ReportView[] = []
    // Node has no EventSource: the SDK polls with If-None-Match.
    const stop = triage.follow(report.id, (view) => seen.push(view), { pollMs: 20 })
    const statusSeen = (status: string) => vi.waitFor(() => expect(seen.at(-1)?.status).toBe(status), { timeout: 5_000 })
    await statusSeen('new')

    await asAgent(`/v1/incidents/${report.id}/messages`, { body: 'Which browser do you use?', visibility: 'public', awaitReporter: true })
    await statusSeen('pending_reporter')
    expect(seen.at(-1)?.timeline.some((event) => event.body === 'Which browser do you use?')).toBe(true)

    await expect(report.reply('Firefox 140')).resolves.toMatchObject({ status: 'in_progress' })
    await asAgent(`/v1/incidents/${report.id}/resolve`, { resolution: 'Fixed the font embedding.', publicNote: 'Fixed: please try again.' })
    await statusSeen('resolved')
    await expect(triage.confirm(report.id)).resolves.toMatchObject({ status: 'closed' })
    // A closed report is still followed: its reopening arrives too.
    await statusSeen('closed')
    await expect(triage.reopen(report.id, { reason: 'Blank again' })).resolves.toMatchObject({ status: 'in_progress' })
    await statusSeen('in_progress')
    stop()
    // Each change once, though the report was asked about many times (polling may miss a quick one).
    expect(seen.map((view) => view.status)).toEqual(expect.arrayContaining(['new', 'pending_reporter', 'resolved', 'closed']))
    expect(seen.every((view, n) => n === 0 || JSON.stringify(view) !== JSON.stringify(seen[n - 1]))).toBe(true)
    expect(await triage.myReports()).toMatchObject([{ id: report.id, status: 'in_progress' }])
  })

  it('says 304 to a poll with the current ETag', async () => {
    const triage = createTriageCore({ endpoint: server.url, key: server.publishableKey })
    const report = await created(triage.report({ symptoms: 'Polling is cheap' }))
    const first = await fetch(`${server.url}/v1/reports/${report.id}`, { headers: { authorization: `Bearer ${report.reporterToken}` } })
    const etag = first.headers.get('etag') ?? ''
    const again = await fetch(`${server.url}/v1/reports/${report.id}`, { headers: { authorization: `Bearer ${report.reporterToken}`, 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it('a refused action is a typed conflict with the statuses allowed', async () => {
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey })
    const report = await created(triage.report({ symptoms: 'Nothing to confirm yet' }))
    const error = (await report.confirm().catch((e: unknown) => e)) as TriageError
    expect(error).toBeInstanceOf(TriageError)
    expect(error.status).toBe(409)
    expect(error.problem?.allowed).toBeDefined()
  })
})

describe('myReports for a verified user', () => {
  it("brings the user's reports from other devices into this one", async () => {
    const admin = await fetch(`${server.url}/v1/admin/app`, { headers: { authorization: `Bearer ${server.secretKey}` } })
    const { identitySecret } = (await admin.json()) as { identitySecret: string }
    const userHash = createHmac('sha256', identitySecret).update('u-1').digest('hex')
    const user = { id: 'u-1', name: 'Ada', userHash }

    const laptop = createTriage({ endpoint: server.url, key: server.publishableKey, storage: memoryStorage() })
    laptop.identify(user)
    const filed = await created(laptop.report({ symptoms: `Filed on the laptop ${crypto.randomUUID()}` }))

    const phone = createTriage({ endpoint: server.url, key: server.publishableKey, storage: memoryStorage() })
    expect(await phone.myReports()).toEqual([])
    phone.identify(user)
    const mine = await phone.myReports()
    expect(mine.map((report) => ('number' in report ? report.number : ''))).toContain(filed.number)
    const view = await phone.getReport(filed.id)
    expect(view.number).toBe(filed.number)
    laptop.close()
    phone.close()
  })
})

describe('known problems', () => {
  it('lists none, then the major incident many reports made; "me too" joins it with one report', async () => {
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, locale: 'fr-FR', storage: memoryStorage() })
    expect(await triage.notices()).toEqual({ items: [] })
    for (let i = 0; i < 5; i++) await triage.report({ symptoms: `The search page stays blank after typing a query ${i}` })
    const { items } = await triage.notices()
    expect(items).toEqual([{ id: expect.stringMatching(/^inc_/), text: expect.any(String), since: expect.any(String) }])
    const notice = items[0]!
    // In the reporter's language: the category's French name until the agents write a title.
    expect(notice.text).not.toMatch(/search|blank/i)
    const joined = await created(triage.report({ symptoms: notice.text, notice: notice.id }))
    const ticket = await fetch(`${server.url}/v1/incidents/${joined.id}`, { headers: { authorization: `Bearer ${server.secretKey}` } })
    expect(((await ticket.json()) as { parentId: string }).parentId).toBe(notice.id)
    triage.close()
  })
})

describe('deflections', () => {
  it('tells the server that a suggested resolution solved it, and refuses a number that suggested nothing', async () => {
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, storage: memoryStorage() })
    const filed = await created(triage.report({ symptoms: 'The weekly digest e-mail never arrives in my inbox' }))
    await fetch(`${server.url}/v1/incidents/${filed.id}/resolve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ resolution: 'mail relay fixed', publicNote: 'Check your spam folder, then ask again.' }),
    })
    const { similar } = await triage.diagnose('The weekly digest e-mail never arrives')
    expect(similar[0]?.number).toBe(filed.number)
    expect(await triage.deflected(filed.number)).toEqual({ id: expect.stringMatching(/^dfl_/) })
    await expect(triage.deflected('INC-999999')).rejects.toMatchObject({ status: 404 })
    triage.close()
  })
})

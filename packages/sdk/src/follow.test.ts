// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { ReportView } from '@triage/protocol'
import type { TriageError } from './errors.ts'
import { followReport } from './follow.ts'
import { fakeApi, viewOf } from '@triage/testing/fake-api'
import type { FakeApi } from '@triage/testing/fake-api'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

async function created(api: FakeApi) {
  await api.fetch('https://triage.test/v1/reports', { method: 'POST', body: '{"symptoms":"x"}', headers: { 'idempotency-key': 'k1' } })
  const report = api.reports.get('k1')?.report
  if (!report) throw new Error('not created')
  api.requests.length = 0
  return report
}

function follow(api: FakeApi | undefined, id: string, token: string) {
  const views: ReportView[] = []
  const errors: TriageError[] = []
  const transport = api ? { endpoint: 'https://triage.test', fetch: api.fetch } : { endpoint: 'https://triage.test' }
  const stop = followReport(
    transport,
    id,
    token,
    (view) => views.push(view),
    (error) => errors.push(error),
    5,
  )
  return { views, errors, stop }
}

describe('followReport, polling', () => {
  test('delivers the current view, then each change once, asking with If-None-Match', async () => {
    const api = fakeApi()
    const report = await created(api)
    const { views, stop } = follow(api, report.id, report.reporterToken)
    await vi.waitFor(() => expect(views).toHaveLength(1))
    await vi.waitFor(() => expect(api.requests.length).toBeGreaterThan(3))
    expect(views).toHaveLength(1)
    expect(api.requests.slice(1).every((request) => request.headers.get('if-none-match') === '"new"')).toBe(true)
    api.setStatus(report.id, 'in_progress')
    await vi.waitFor(() => expect(views.map((view) => view.status)).toEqual(['new', 'in_progress']))
    stop()
  })

  test('keeps following a closed report: a reopen still arrives', async () => {
    const api = fakeApi()
    const report = await created(api)
    api.setStatus(report.id, 'closed')
    const { views, stop } = follow(api, report.id, report.reporterToken)
    await vi.waitFor(() => expect(views.map((view) => view.status)).toEqual(['closed']))
    api.setStatus(report.id, 'in_progress')
    await vi.waitFor(() => expect(views.map((view) => view.status)).toEqual(['closed', 'in_progress']))
    stop()
  })

  test('ends with onError when the token no longer opens the report', async () => {
    const api = fakeApi()
    const report = await created(api)
    // Fake timers: a poll that would come later comes within the time advanced below.
    vi.useFakeTimers()
    const { errors } = follow(api, report.id, 'rt_wrong')
    await vi.waitFor(() => expect(errors).toMatchObject([{ code: 'not_found', status: 404 }]))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(api.requests).toHaveLength(1)
  })

  test('keeps trying through network failures', async () => {
    const api = fakeApi()
    const report = await created(api)
    api.interrupt('network', 'network')
    const { views, errors, stop } = follow(api, report.id, report.reporterToken)
    await vi.waitFor(() => expect(views).toHaveLength(1), { timeout: 5_000 })
    expect(errors).toEqual([])
    stop()
  })

  test('stops asking once unsubscribed', async () => {
    const api = fakeApi()
    const report = await created(api)
    vi.useFakeTimers()
    const { views, stop } = follow(api, report.id, report.reporterToken)
    await vi.waitFor(() => expect(views).toHaveLength(1))
    stop()
    const asked = api.requests.length
    await vi.advanceTimersByTimeAsync(1_000)
    expect(api.requests.length).toBe(asked)
  })

  test('stopping ends the wait between polls at once, leaving no timer behind', async () => {
    const api = fakeApi()
    const report = await created(api)
    const timers = vi.spyOn(globalThis, 'setTimeout')
    const cleared = vi.spyOn(globalThis, 'clearTimeout')
    const views: ReportView[] = []
    const stop = followReport(
      { endpoint: 'https://triage.test', fetch: api.fetch },
      report.id,
      report.reporterToken,
      (view) => views.push(view),
      () => {},
      60_000,
    )
    await vi.waitFor(() => expect(timers.mock.calls.some(([, ms]) => ms === 60_000)).toBe(true))
    const wait = timers.mock.results[timers.mock.calls.findIndex(([, ms]) => ms === 60_000)]?.value as unknown
    stop()
    expect(cleared).toHaveBeenCalledWith(wait)
    expect(views).toHaveLength(1)
    timers.mockRestore()
    cleared.mockRestore()
  })
})

/** Enough of EventSource for the SDK: named events, and a connection that fails or not. */
class FakeEventSource extends EventTarget {
  static readonly CLOSED = 2
  static last: FakeEventSource | undefined
  readyState = 0
  onerror: (() => void) | null = null
  closed = false
  readonly url: string
  constructor(url: string) {
    super()
    this.url = url
    FakeEventSource.last = this
  }
  emit(view: ReportView) {
    this.dispatchEvent(new MessageEvent('report', { data: JSON.stringify(view) }))
  }
  fail(readyState: number) {
    this.readyState = readyState
    this.onerror?.()
  }
  close() {
    this.closed = true
  }
}

describe('followReport, live', () => {
  test('listens to the event stream with the token in the URL (EventSource cannot set headers)', () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const report = {
      id: 'inc_1',
      number: 'INC-000001',
      reporterToken: 'rt_a b',
      status: 'new',
      category: 'bug',
      priority: 'P3',
      createdAt: '2026-11-29T10:00:00.000Z',
      summary: 'The export fails',
      emailUpdates: false,
    } as const
    const { views, stop } = follow(undefined, report.id, report.reporterToken)
    const source = FakeEventSource.last
    expect(source?.url).toBe('https://triage.test/v1/reports/inc_1/events?token=rt_a%20b')
    source?.emit(viewOf(report))
    source?.emit(viewOf(report))
    source?.emit(viewOf(report, 'in_progress'))
    expect(views.map((view) => view.status)).toEqual(['new', 'in_progress'])
    // A dropped connection: EventSource reconnects by itself, nothing to do.
    source?.fail(0)
    expect(source?.closed).toBe(false)
    stop()
    expect(source?.closed).toBe(true)
  })

  test('falls back to polling when the stream is refused (a server without it answers 404)', async () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const api = fakeApi()
    const report = await created(api)
    const views: ReportView[] = []
    // Through the global fetch: with an app's own fetch the SDK polls from the start.
    vi.stubGlobal('fetch', api.fetch)
    const stop = followReport(
      { endpoint: 'https://triage.test' },
      report.id,
      report.reporterToken,
      (view) => views.push(view),
      () => {},
      5,
    )
    expect(api.requests).toHaveLength(0)
    FakeEventSource.last?.fail(FakeEventSource.CLOSED)
    await vi.waitFor(() => expect(views).toHaveLength(1))
    expect(api.requests[0]?.path).toBe('/v1/reports/inc_1')
    stop()
  })
})

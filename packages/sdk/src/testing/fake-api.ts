import type { Problem, ProblemCode, ReportCreate, ReportCreated, ReportView } from '@triage/protocol'

/** A request as the server would have received it. */
export interface RecordedRequest {
  method: string
  path: string
  headers: Headers
  body: unknown
  keepalive: boolean
}

/** What the next request gets instead of the normal answer. */
export type Interruption = 'network' | (() => Response)

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

/** An RFC 9457 problem answer, shaped like the server's. */
export function problem(status: number, code: ProblemCode, detail: string, headers: Record<string, string> = {}): Response {
  const body: Problem = { type: `/problems/${code.replaceAll('_', '-')}`, title: code, status, code, detail }
  return json(status, body, { ...headers, 'content-type': 'application/problem+json' })
}

export function viewOf(report: ReportCreated, status: ReportView['status'] = report.status): ReportView {
  return {
    id: report.id,
    number: report.number,
    status,
    category: report.category,
    priority: report.priority,
    tier: 'L1',
    slaPromise: status === 'resolved' || status === 'closed' ? null : 'we answer within 3 hours',
    summary: report.summary,
    emailUpdates: report.emailUpdates,
    createdAt: report.createdAt,
    updatedAt: report.createdAt,
    timeline: [{ type: 'created', at: report.createdAt, status: 'new' }],
    timelineLength: 1,
  }
}

/**
 * A stand-in for the Triage API behind a `fetch`: it creates one report per idempotency key (a
 * replay answers the same one, as the real server does), serves the reporter's routes, records
 * every request, and can be taken down or made to fail the next requests.
 */
export function fakeApi() {
  const requests: RecordedRequest[] = []
  /** Reports by idempotency key, and the bodies they were created from. */
  const reports = new Map<string, { report: ReportCreated; body: ReportCreate }>()
  const statuses = new Map<string, ReportView['status']>()
  const interruptions: Interruption[] = []
  const api = {
    requests,
    reports,
    down: false,
    /** The next requests get these answers, in order. */
    interrupt: (...next: Interruption[]) => void interruptions.push(...next),
    /** Sets a report's status, as an agent would. */
    setStatus: (id: string, status: ReportView['status']) => void statuses.set(id, status),
    posts: () => requests.filter((request) => request.method === 'POST' && request.path === '/v1/reports'),
    fetch: async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = new URL(String(input instanceof Request ? input.url : input))
      const method = init?.method ?? 'GET'
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
      const headers = new Headers(init?.headers)
      requests.push({ method, path: url.pathname + url.search, headers, body, keepalive: init?.keepalive === true })
      if (api.down) throw new TypeError('Failed to fetch')
      const interruption = interruptions.shift()
      if (interruption === 'network') throw new TypeError('Failed to fetch')
      if (interruption) return interruption()
      return route(method, url, headers, body)
    },
  }

  function route(method: string, url: URL, headers: Headers, body: unknown): Response {
    if (method === 'POST' && url.pathname === '/v1/reports') {
      const key = headers.get('idempotency-key') ?? crypto.randomUUID()
      let entry = reports.get(key)
      if (!entry) {
        const n = reports.size + 1
        const report: ReportCreated = {
          id: `inc_${n}`,
          number: `INC-${String(n).padStart(6, '0')}`,
          reporterToken: `rt_token_${n}`,
          status: 'new',
          category: 'bug',
          priority: 'P3',
          createdAt: '2026-11-29T10:00:00.000Z',
          summary: (body as ReportCreate).symptoms.slice(0, 80),
          emailUpdates: false,
        }
        entry = { report, body: body as ReportCreate }
        reports.set(key, entry)
      }
      return json(201, entry.report)
    }
    if (method === 'GET' && url.pathname === '/v1/diagnostics') {
      return json(200, { category: { value: 'access', label: 'Access', confidence: 0.8 }, categories: [], questions: [], similar: [] })
    }
    const match = /^\/v1\/reports\/([^/]+)(?:\/(messages|confirm|reopen))?$/.exec(url.pathname)
    const found = match && [...reports.values()].find(({ report }) => report.id === match[1])
    if (!found || headers.get('authorization') !== `Bearer ${found.report.reporterToken}`) return problem(404, 'not_found', 'No report with this id opens with this token.')
    const { report } = found
    if (method === 'POST') statuses.set(report.id, match[2] === 'confirm' ? 'closed' : 'in_progress')
    const view = viewOf(report, statuses.get(report.id))
    const etag = `"${view.status}"`
    if (method === 'GET' && headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } })
    return json(200, view, { etag })
  }

  return api
}

export type FakeApi = ReturnType<typeof fakeApi>

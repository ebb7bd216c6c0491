import type { DiagnosticsResult, ProblemCode, ReportCreate, ReportCreated, ReportView } from '@triage/protocol'
import { problemBody, problemMediaType } from '@triage/protocol'

/** A request as the server would have received it. */
export interface RecordedRequest {
  method: string
  /** The whole URL, e.g. `https://triage.test/v1/reports/inc_1/confirm`. */
  url: string
  /** Path and query only, e.g. `/v1/diagnostics?symptoms=…`. */
  path: string
  headers: Headers
  /** The JSON body, parsed; `undefined` without one. */
  body: unknown
  keepalive: boolean
}

/** What the next request gets instead of its normal answer: a network failure, or this response. */
export type Interruption = 'network' | (() => Response)

type Answer = () => Response | Promise<Response>

/** Routes whose answer a test replaces; the others keep the fake server's own. */
export interface FakeAnswers {
  /** `POST /v1/reports`. */
  create?: Answer
  /** `GET /v1/reports/:id` (and the polling of `follow`). */
  view?: Answer
  /** `POST /v1/reports/:id/messages|confirm|reopen`; default: `view`'s answer when given. */
  action?: Answer
  /** `GET /v1/diagnostics`. */
  diagnose?: (url: URL) => Response
  /** `GET /v1/notices`. */
  notices?: Answer
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

/** An RFC 9457 problem answer, built as the server builds it. */
export const problem = (status: number, code: ProblemCode, detail: string, headers: Record<string, string> = {}): Response =>
  json(status, problemBody(code, status, detail), { ...headers, 'content-type': problemMediaType })

/** The report the fake server creates `n`-th, as it answers it. */
export function reportNumber(n: number, symptoms: string): ReportCreated {
  return {
    id: `inc_${n}`,
    number: `INC-${String(n).padStart(6, '0')}`,
    reporterToken: `rt_token_${n}`,
    status: 'new',
    category: 'bug',
    priority: 'P3',
    createdAt: '2026-11-29T10:00:00.000Z',
    summary: symptoms.slice(0, 80),
    emailUpdates: false,
  }
}

/** The reporter's view of a report, as the server answers it (a fresh one: only its creation). */
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

/** The first report a fake server creates for "The export button does nothing", and its view. */
export const createdReport = reportNumber(1, 'The export button does nothing')
export const reportView = viewOf(createdReport)

/** The default diagnosis: access, three questions (the third shown only for one answer), one resolved incident. */
export const diagnostics: DiagnosticsResult = {
  category: { value: 'access', label: 'Access and sign-in', confidence: 0.9 },
  categories: [
    { value: 'access', label: 'Access and sign-in' },
    { value: 'billing', label: 'Billing and payments' },
  ],
  questions: [
    {
      id: 'impact',
      kind: 'choice',
      text: 'Who is affected?',
      options: [
        { value: 'me', label: 'Only me' },
        { value: 'everyone', label: 'Everyone' },
      ],
    },
    {
      id: 'access_problem',
      kind: 'choice',
      text: 'What happens?',
      options: [
        { value: 'locked_out', label: 'I am locked out' },
        { value: 'error_message', label: 'An error message shows' },
      ],
    },
    { id: 'access_error_text', kind: 'short_text', text: 'What does the error say?', maxLength: 2000, showIf: { questionId: 'access_problem', equals: 'error_message' } },
  ],
  similar: [{ number: 'INC-000042', publicNote: 'Reset your password from the sign-in page.', score: 0.8 }],
}

/** The diagnosis when the reporter picks `billing`: one yes/no question. */
export const billingDiagnostics: DiagnosticsResult = {
  ...diagnostics,
  category: { value: 'billing', label: 'Billing and payments', confidence: 1 },
  questions: [
    {
      id: 'workaround',
      kind: 'yes_no',
      text: 'Can you keep working meanwhile?',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    },
  ],
}

/**
 * A stand-in for the Triage API behind a `fetch`, for unit tests of the SDK and the widget (the
 * real server has its own tests, and the end-to-end ones use it). Like the server, it creates one
 * report per idempotency key (a replay answers the same one), serves the reporter's routes only
 * with the report's token (404 otherwise), answers an unchanged report's ETag with 304, and reads
 * the known problems and the diagnosis. It records every request; a test can take it down
 * (`down`), make the next requests fail (`interrupt`), change a report's status as an agent would
 * (`setStatus`), or replace a route's answer (`answers`).
 * @example
 * const api = fakeApi()
 * const triage = createTriage({ endpoint: 'https://triage.test', key: 'pk_test', fetch: api.fetch })
 * await triage.report({ symptoms: 'Export fails' })
 * api.posts()[0]?.headers.get('idempotency-key')
 */
export function fakeApi(answers: FakeAnswers = {}) {
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
    /** The requests that filed a report. */
    posts: () => requests.filter((request) => request.method === 'POST' && request.path === '/v1/reports'),
    fetch: async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = new URL(String(input instanceof Request ? input.url : input))
      const method = init?.method ?? 'GET'
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
      const headers = new Headers(init?.headers)
      requests.push({ method, url: url.href, path: url.pathname + url.search, headers, body, keepalive: init?.keepalive === true })
      if (api.down) throw new TypeError('Failed to fetch')
      const interruption = interruptions.shift()
      if (interruption === 'network') throw new TypeError('Failed to fetch')
      if (interruption) return interruption()
      return route(method, url, headers, body)
    },
  }

  function route(method: string, url: URL, headers: Headers, body: unknown): Response | Promise<Response> {
    const path = url.pathname
    if (method === 'POST' && path === '/v1/reports') return answers.create?.() ?? create(headers, body as ReportCreate)
    if (method === 'GET' && path === '/v1/diagnostics')
      return answers.diagnose?.(url) ?? json(200, url.searchParams.get('category') === 'billing' ? billingDiagnostics : diagnostics)
    if (method === 'GET' && path === '/v1/notices') return answers.notices?.() ?? json(200, { items: [] })
    const match = /^\/v1\/reports\/([^/]+)(?:\/(messages|confirm|reopen))?$/.exec(path)
    if (!match) return problem(404, 'not_found', `No route for ${method} ${path}.`)
    const replaced = method === 'POST' ? (answers.action ?? answers.view) : answers.view
    if (replaced) return replaced()
    const found = [...reports.values()].find(({ report }) => report.id === match[1])
    if (!found || headers.get('authorization') !== `Bearer ${found.report.reporterToken}`) return problem(404, 'not_found', 'No report with this id opens with this token.')
    const { report } = found
    if (method === 'POST') statuses.set(report.id, match[2] === 'confirm' ? 'closed' : 'in_progress')
    const view = viewOf(report, statuses.get(report.id))
    const etag = `"${view.status}"`
    if (method === 'GET' && headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } })
    return json(200, view, { etag })
  }

  function create(headers: Headers, body: ReportCreate): Response {
    const key = headers.get('idempotency-key') ?? crypto.randomUUID()
    let entry = reports.get(key)
    if (!entry) {
      entry = { report: reportNumber(reports.size + 1, body.symptoms), body }
      reports.set(key, entry)
    }
    return json(201, entry.report)
  }

  return api
}

export type FakeApi = ReturnType<typeof fakeApi>

import type { DiagnosticsResult, Problem, ProblemCode, ReportCreated, ReportView } from '@triage/sdk'

/** A request the widget made, as the server would have received it. */
export interface RecordedRequest {
  method: string
  url: string
  headers: Headers
  body: unknown
}

type Answer = () => Response | Promise<Response>

export const createdReport: ReportCreated = {
  id: 'rep_01',
  number: 'INC-000001',
  reporterToken: 'rt_secret',
  status: 'new',
  category: 'bug',
  priority: 'P3',
  createdAt: '2026-11-29T10:00:00.000Z',
  summary: 'The export button does nothing',
  emailUpdates: false,
}

export const reportView: ReportView = {
  id: createdReport.id,
  number: createdReport.number,
  status: 'new',
  category: 'bug',
  priority: 'P3',
  tier: 'L1',
  slaPromise: 'we answer within 3 hours',
  summary: createdReport.summary,
  emailUpdates: false,
  createdAt: createdReport.createdAt,
  updatedAt: createdReport.createdAt,
  timeline: [{ type: 'created', at: createdReport.createdAt, status: 'new' }],
  timelineLength: 1,
}

export const json = (status: number, body: unknown, type = 'application/json'): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } })

/** An RFC 9457 problem answer, shaped like the server's. */
export function problem(status: number, code: ProblemCode, detail: string): Response {
  const body: Problem = { type: `/problems/${code.replaceAll('_', '-')}`, title: code, status, code, detail }
  return json(status, body, 'application/problem+json')
}

export const diagnostics: DiagnosticsResult = {
  category: { value: 'access', label: 'Access and sign-in', confidence: 0.9 },
  categories: [
    { value: 'access', label: 'Access and sign-in' },
    { value: 'billing', label: 'Billing and payments' },
  ],
  questions: [
    { id: 'impact', kind: 'choice', text: 'Who is affected?', options: [{ value: 'me', label: 'Only me' }, { value: 'everyone', label: 'Everyone' }] },
    { id: 'access_problem', kind: 'choice', text: 'What happens?', options: [{ value: 'locked_out', label: 'I am locked out' }, { value: 'error_message', label: 'An error message shows' }] },
    { id: 'access_error_text', kind: 'short_text', text: 'What does the error say?', maxLength: 2000, showIf: { questionId: 'access_problem', equals: 'error_message' } },
  ],
  similar: [{ number: 'INC-000042', publicNote: 'Reset your password from the sign-in page.', score: 0.8 }],
}

export const billingDiagnostics: DiagnosticsResult = {
  ...diagnostics,
  category: { value: 'billing', label: 'Billing and payments', confidence: 1 },
  questions: [{ id: 'workaround', kind: 'yes_no', text: 'Can you keep working meanwhile?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }],
}

/**
 * A stand-in for the network: a `fetch` that answers the report routes with real `Response`s
 * shaped like the protocol, and records every request. The real server is covered by its own tests
 * and by the end-to-end ones.
 */
export function fakeApi(answers: { create?: Answer; view?: Answer; diagnose?: (url: URL) => Response; action?: Answer; notices?: Answer } = {}) {
  const requests: RecordedRequest[] = []
  const create = answers.create ?? (() => json(201, createdReport))
  const view = answers.view ?? (() => json(200, reportView))
  const diagnose = answers.diagnose ?? ((url: URL) => json(200, url.searchParams.get('category') === 'billing' ? billingDiagnostics : diagnostics))
  const action = answers.action ?? view
  const notices = answers.notices ?? (() => json(200, { items: [] }))
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input)
    const method = init?.method ?? 'GET'
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
    requests.push({ method, url, headers: new Headers(init?.headers), body })
    const parsed = new URL(url)
    const path = parsed.pathname
    if (method === 'POST' && path === '/v1/reports') return create()
    if (method === 'GET' && path === '/v1/diagnostics') return diagnose(parsed)
    if (method === 'GET' && path === '/v1/notices') return notices()
    if (method === 'POST' && path.startsWith('/v1/reports/')) return action()
    if (method === 'GET' && path.startsWith('/v1/reports/')) return view()
    return problem(404, 'not_found', `No route for ${method} ${path}.`)
  }
  return { fetch, requests }
}

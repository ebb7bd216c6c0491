import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { limits } from '@triage/protocol'
import { reasonRequestSchema, reporterMessageCreateSchema, reportCreatedSchema, reportCreateSchema, reportListSchema, reportViewSchema } from '@triage/protocol/schemas'
import { requirePublishableKey, requireReporterToken } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, optionalJsonBody, requireJsonBody } from '../http/json-body.ts'
import { limitJsonOrMultipartBody, multipartAsJson, multipartOverheadBytes } from '../http/multipart-body.ts'
import { multipartFileBody, uploadLimits } from '../attachments/routes.ts'
import { createReportWithAttachments } from '../attachments/service.ts'
import { validationHook } from '../http/validation.ts'
import { bodyProblems, idempotencyKeyHeader, idParams, jsonBody, jsonResponse, problemResponse, rateLimited } from '../http/openapi.ts'
import { confirmReport, postReporterMessage, reopenReport } from './reporter-actions.ts'
import type { FollowHub } from './follow-hub.ts'
import { followHub } from './follow-hub.ts'
import { reportEventStream } from '../http/event-stream.ts'
import { createReport, getReport, listUserReports } from './service.ts'
import { problem } from '../http/problem.ts'
import type { StreamCapOptions } from '../http/stream-caps.ts'
import { streamCaps } from '../http/stream-caps.ts'
import { addressBucket } from '../security/network-address.ts'

/** A report with its files: the JSON, the files' 25 MB, and their multipart envelope. */
const reportFormBytes = limits.bodyBytes + limits.reportAttachmentBytes + multipartOverheadBytes

const createReportRoute = createRoute({
  method: 'post',
  path: '/v1/reports',
  operationId: 'createReport',
  tags: ['Reports'],
  summary: 'File a report',
  description:
    'Logs what the reporter wrote as an incident, triages it, and answers its number and reporter token. ' +
    'Send an Idempotency-Key to make retries safe: the same key answers the same incident. ' +
    'A screenshot (or any attachment) may come with the report itself: send `multipart/form-data` with the ReportCreate JSON in a field ' +
    '`report` and up to 10 files in fields `file`; the answer lists them in `attachments`. Every file is checked before the report is ' +
    `written, so a refused file leaves no report behind. ${uploadLimits}`,
  security: [{ publishableKey: [] }],
  middleware: [requirePublishableKey, limitJsonOrMultipartBody(reportFormBytes), multipartAsJson('report', reportFormBytes), requireJsonBody] as const,
  request: {
    headers: z.object({ 'idempotency-key': idempotencyKeyHeader }),
    body: jsonBody(reportCreateSchema),
  },
  responses: {
    201: jsonResponse('The report was logged (or replayed for the same Idempotency-Key).', reportCreatedSchema),
    ...bodyProblems,
    401: problemResponse('Missing, unknown or revoked publishable key.'),
    403: problemResponse('The Origin is not allowed for this app.'),
    413: problemResponse('The JSON is over 64 KB, or its files pass their limits (see above).'),
    415: problemResponse('The body is neither JSON nor multipart/form-data, or a file type is not accepted.'),
    422: problemResponse('The body does not match the schema, more than 10 files, or the Idempotency-Key was used for another body.'),
    503: problemResponse('Files were sent and this server has no attachment storage (a Worker without its R2 binding).'),
    ...rateLimited,
  },
})

// The same report as multipart/form-data with its files. Added after createRoute, whose typing of
// the JSON body wants every media type's schema to be zod's; the validators skip it and
// multipartAsJson has turned such a body into the JSON by the time they run.
Object.assign(createReportRoute.request.body.content, {
  'multipart/form-data': multipartFileBody('', { report: { type: 'string', description: 'The ReportCreate JSON.', contentMediaType: 'application/json' } }, ['report']).content[
    'multipart/form-data'
  ],
})

const getReportRoute = createRoute({
  method: 'get',
  path: '/v1/reports/{id}',
  operationId: 'getReport',
  tags: ['Reports'],
  summary: "The reporter's view of a report",
  description:
    'Status, category, priority, tier and public timeline. Opened with the reporter token as a bearer token. ' +
    'Poll cheaply with If-None-Match (304 when unchanged) and `since` (the `timelineLength` you have: only newer events come back).',
  security: [{ reporterToken: [] }],
  middleware: [requireReporterToken] as const,
  request: { params: idParams, query: z.strictObject({ since: z.coerce.number().int().min(0).optional() }) },
  responses: {
    200: jsonResponse('The report, with an ETag to poll it cheaply.', reportViewSchema),
    304: { description: 'Not modified since the ETag sent in If-None-Match.' },
    400: problemResponse('A bad id or `since`.'),
    401: problemResponse('No reporter token.'),
    404: problemResponse('No report with this id opens with this token.'),
    ...rateLimited,
  },
})

/** The reporter's actions share their shape: reporter token, a small JSON body, the report after. */
function reporterActionRoute<S extends Parameters<typeof jsonBody>[0]>(name: string, operationId: string, summary: string, description: string, schema: S, bodyRequired: boolean) {
  return createRoute({
    method: 'post',
    path: `/v1/reports/{id}/${name}`,
    operationId,
    tags: ['Reports'],
    summary,
    description,
    security: [{ reporterToken: [] }],
    middleware: [requireReporterToken, limitBody, bodyRequired ? requireJsonBody : optionalJsonBody] as const,
    request: { params: idParams, body: jsonBody(schema, bodyRequired) },
    responses: {
      200: jsonResponse('The report after the change.', reportViewSchema),
      ...bodyProblems,
      401: problemResponse('No reporter token.'),
      404: problemResponse('No report with this id opens with this token.'),
      409: problemResponse('Not possible in the current status; `allowed` lists where it can go.'),
      ...rateLimited,
    },
  })
}

const followRoute = createRoute({
  method: 'get',
  path: '/v1/reports/{id}/events',
  operationId: 'followReport',
  tags: ['Reports'],
  summary: 'Follow a report live (Server-Sent Events)',
  description:
    'An `event: report` with the ReportView as data, first the current one, then on every change; `id` is the version ' +
    '(send it back as Last-Event-ID to skip what you have). Comments keep the connection alive; the stream ends after a few ' +
    'minutes and clients reconnect. The token goes in Authorization, or as `?token=` for EventSource, which cannot set headers.',
  security: [{ reporterToken: [] }],
  middleware: [requireReporterToken] as const,
  request: { params: idParams, query: z.strictObject({ token: z.string().max(200).optional() }) },
  responses: {
    200: { description: 'The event stream.', content: { 'text/event-stream': { schema: z.string() } } },
    400: problemResponse('A bad id or query.'),
    401: problemResponse('No reporter token.'),
    404: problemResponse('No report with this id opens with this token.'),
    429: { ...rateLimited[429], description: 'Too many live streams for this report or from this address (`too_many_streams`), or too many requests; see Retry-After.' },
  },
})

const listUserReportsRoute = createRoute({
  method: 'get',
  path: '/v1/reports',
  operationId: 'listUserReports',
  tags: ['Reports'],
  summary: "A signed-in user's reports, across devices",
  description:
    'For a user your server vouches for: `X-Triage-User` is their id in your app, `X-Triage-User-Hash` the hex HMAC-SHA256 ' +
    'of that id with the app’s identity secret (GET /v1/admin/app). Answers their reports, newest first, each with its reporter token.',
  security: [{ publishableKey: [] }],
  middleware: [requirePublishableKey] as const,
  request: {
    headers: z.object({
      'x-triage-user': z.string().regex(/^[\x21-\x7e](?:[\x20-\x7e]{0,198}[\x21-\x7e])?$/, 'must be your user id in printable ASCII, 1 to 200 characters'),
      'x-triage-user-hash': z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters'),
    }),
  },
  responses: {
    200: jsonResponse("The user's reports.", reportListSchema),
    400: problemResponse('Missing or malformed user headers.'),
    401: problemResponse('Missing, unknown or revoked publishable key.'),
    403: problemResponse('The user hash does not match, or the Origin is not allowed.'),
    ...rateLimited,
  },
})

const reporterMessageRoute = reporterActionRoute(
  'messages',
  'answerAgent',
  'Answer the agent',
  'A ticket waiting on the reporter goes back to in_progress.',
  reporterMessageCreateSchema,
  true,
)
const confirmRoute = reporterActionRoute('confirm', 'confirmFix', 'Confirm the fix', 'The reporter says it works: a resolved report closes.', reasonRequestSchema, false)
const reporterReopenRoute = reporterActionRoute('reopen', 'reopenReport', 'Say it is not fixed', 'A resolved or closed report reopens (in_progress).', reasonRequestSchema, false)

export interface ReportRouteOptions {
  /** How often a followed report is checked for changes, in ms. Default 1000. */
  followPollMs?: number
  /** How long one event stream lasts before the client reconnects, in ms. Default 5 minutes. */
  followMaxMs?: number
  /** Most live streams per report and per client address (see stream-caps.ts). */
  streams?: StreamCapOptions
}

/** Seconds a refused stream is told to wait: slots free as soon as one of the caller's tabs closes. */
const streamRetryAfter = 30

/** The public API: used from the widget and the SDK with a publishable key or reporter token. */
export function reportRoutes(options: ReportRouteOptions = {}) {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  routes.openapi(createReportRoute, async (c) => {
    const args = [c.var.services, c.var.publicCaller, c.req.valid('json'), c.req.valid('header')['idempotency-key'] ?? null] as const
    const { uploads } = c.var
    const { report, replayed } = uploads ? await createReportWithAttachments(...args, uploads) : await createReport(...args)
    if (replayed) c.header('idempotent-replayed', 'true')
    return c.json(report, 201)
  })

  routes.openapi(getReportRoute, async (c) => {
    const { view, version } = await getReport(c.var.services, c.req.valid('param').id, c.var.reporterToken)
    const etag = `"${version}"`
    c.header('etag', etag)
    c.header('cache-control', 'private, no-cache')
    // Polling is cheap: an unchanged report answers 304 with no body (RFC 9110 §13.1.2).
    if (
      c.req
        .header('if-none-match')
        ?.split(',')
        .some((tag) => tag.trim() === etag)
    )
      return c.body(null, 304)
    const since = c.req.valid('query').since
    return c.json(since === undefined ? view : { ...view, timeline: view.timeline.slice(since) }, 200)
  })
  routes.openapi(listUserReportsRoute, async (c) => {
    const headers = c.req.valid('header')
    return c.json(await listUserReports(c.var.services, c.var.publicCaller, headers['x-triage-user'], headers['x-triage-user-hash']), 200)
  })
  const caps = streamCaps(options.streams)
  const follow = { pollMs: options.followPollMs ?? 1_000, maxMs: options.followMaxMs ?? 300_000 }
  let sharedHub: FollowHub | undefined
  routes.openapi(followRoute, async (c) => {
    const { id } = c.req.valid('param')
    const release = caps.open(id, addressBucket(c.var.clientAddress))
    if (!release) {
      const detail = `Too many live streams for this report or from this address; close a tab, or retry in ${streamRetryAfter} s (or poll GET /v1/reports/{id}).`
      const refused = problem('too_many_streams', 429, detail, { retryAfter: streamRetryAfter })
      refused.headers.set('retry-after', String(streamRetryAfter))
      return refused as never
    }
    // Where I/O belongs to the request that started it (Workers), each stream follows on its own.
    const hub = c.var.services.requestBoundIo ? followHub(c.var.services, follow) : (sharedHub ??= followHub(c.var.services, follow))
    return (await reportEventStream(hub, id, c.var.reporterToken, c.req.header('last-event-id'), release)) as never
  })
  routes.openapi(reporterMessageRoute, async (c) => c.json(await postReporterMessage(c.var.services, c.req.valid('param').id, c.var.reporterToken, c.req.valid('json')), 200))
  routes.openapi(confirmRoute, async (c) => c.json(await confirmReport(c.var.services, c.req.valid('param').id, c.var.reporterToken, c.req.valid('json')), 200))
  routes.openapi(reporterReopenRoute, async (c) => c.json(await reopenReport(c.var.services, c.req.valid('param').id, c.var.reporterToken, c.req.valid('json')), 200))

  return routes
}

import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { limits } from '@triage/protocol'
import { problemSchema, reportCreatedSchema, reportCreateSchema, reportViewSchema } from '@triage/protocol/schemas'
import { bearerToken, requirePublishableKey } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, requireJsonBody } from '../http/json-body.ts'
import { ProblemError } from '../services/context.ts'
import { validationHook } from '../http/validation.ts'
import { createReport, getReport } from '../services/reports.ts'

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
})

const createReportRoute = createRoute({
  method: 'post',
  path: '/v1/reports',
  tags: ['Reports'],
  summary: 'File a report',
  description:
    'Logs what the reporter wrote as an incident, triages it, and answers its number and reporter token. ' +
    'Send an Idempotency-Key to make retries safe: the same key answers the same incident.',
  security: [{ publishableKey: [] }],
  middleware: [limitBody, requirePublishableKey, requireJsonBody] as const,
  request: {
    headers: z.object({
      'idempotency-key': z.string().min(1).max(limits.idempotencyKeyChars).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces, e.g. a UUID').optional(),
    }),
    body: { required: true, content: { 'application/json': { schema: reportCreateSchema } } },
  },
  responses: {
    201: { description: 'The report was logged (or replayed for the same Idempotency-Key).', content: { 'application/json': { schema: reportCreatedSchema } } },
    400: problemResponse('Malformed JSON or a bad header.'),
    401: problemResponse('Missing, unknown or revoked publishable key.'),
    403: problemResponse('The Origin is not allowed for this app.'),
    413: problemResponse('The body is over 64 KB.'),
    415: problemResponse('The body is not JSON.'),
    422: problemResponse('The body does not match the schema, or the Idempotency-Key was used for another body.'),
  },
})

const getReportRoute = createRoute({
  method: 'get',
  path: '/v1/reports/{id}',
  tags: ['Reports'],
  summary: "The reporter's view of a report",
  description: 'Status, category, priority, tier and public timeline. Opened with the reporter token as a bearer token.',
  security: [{ reporterToken: [] }],
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'The report.', content: { 'application/json': { schema: reportViewSchema } } },
    401: problemResponse('No reporter token.'),
    404: problemResponse('No report with this id opens with this token.'),
  },
})

/** The public API: used from the widget and the SDK with a publishable key or reporter token. */
export function reportRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  routes.openapi(createReportRoute, async (c) => {
    const { report, replayed } = await createReport(
      c.var.services,
      c.var.publicCaller.appId,
      c.req.valid('json'),
      c.req.valid('header')['idempotency-key'] ?? null,
    )
    if (replayed) c.header('idempotent-replayed', 'true')
    return c.json(report, 201)
  })

  routes.openapi(getReportRoute, async (c) => {
    const token = bearerToken(c.req.header('authorization'))
    if (!token) throw new ProblemError('missing_key', 401, 'Send the reporter token as Authorization: Bearer rt_….')
    return c.json(await getReport(c.var.services, c.req.valid('param').id, token), 200)
  })

  return routes
}

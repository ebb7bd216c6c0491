import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { bulkActionSchema, bulkResultSchema, childIncidentListSchema, childIncidentQuerySchema, incidentCountsSchema } from '@triage/protocol/schemas'
import { requireAgent } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, requireJsonBody } from '../http/json-body.ts'
import { problemBody } from '../http/problem.ts'
import { validationHook } from '../http/validation.ts'
import { majorChildren } from '../majors/children.ts'
import { agentSecurity, badId, bodyProblems, idParams, jsonBody, jsonResponse, problemResponse } from '../routes/shared.ts'
import { bulkAction, queueCounts } from './queue-service.ts'

const auth = problemResponse('No session or secret key, or an unknown one.')

const countsRoute = createRoute({
  method: 'get',
  path: '/v1/incidents/counts',
  operationId: 'countIncidentViews',
  tags: ['Queue'],
  summary: 'How many tickets each view holds',
  description: 'The number of tickets in each of the console\'s views (see `view` on GET /v1/incidents), among those the caller may see.',
  security: agentSecurity,
  middleware: [requireAgent] as const,
  responses: { 200: jsonResponse('The counts.', incidentCountsSchema), 401: auth },
})

const bulkRoute = createRoute({
  method: 'post',
  path: '/v1/incidents/bulk',
  operationId: 'bulkIncidentAction',
  tags: ['Queue'],
  summary: 'Assign or close many tickets',
  description:
    'Each ticket is changed on its own, in the order given, with the rules of one at a time: one that the caller may not see is not found, one that cannot close ' +
    '(only resolved tickets close) is a 409 conflict; the others go on. The answer has one outcome per id.',
  security: agentSecurity,
  middleware: [requireAgent, limitBody, requireJsonBody] as const,
  request: { body: jsonBody(bulkActionSchema) },
  responses: {
    200: jsonResponse('One outcome per id.', bulkResultSchema),
    ...bodyProblems,
    401: auth,
    403: problemResponse('A cookie-signed request from another site.'),
  },
})

const childrenRoute = createRoute({
  method: 'get',
  path: '/v1/incidents/{id}/children',
  operationId: 'listMajorChildren',
  tags: ['Queue'],
  summary: "A major incident's reports",
  description: 'The reports grouped under a major incident that the caller may see, newest first, and their number. New ones arrive on GET /v1/incidents/events with their `parentId`.',
  security: agentSecurity,
  middleware: [requireAgent] as const,
  request: { params: idParams, query: childIncidentQuerySchema },
  responses: {
    200: jsonResponse('The reports (none for an incident that is not major).', childIncidentListSchema),
    400: problemResponse('A bad limit, or an id that is not one the API gives.'),
    401: auth,
    404: problemResponse('No such incident that the caller may see.'),
  },
})

/** The console's queue needs beyond the list: counts per view, bulk actions, a major's reports. */
export function queueRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(countsRoute, async (c) => c.json(await queueCounts(c.var.services, c.var.agent), 200))
  routes.openapi(bulkRoute, async (c) => {
    const outcomes = await bulkAction(c.var.services, c.var.agent, c.req.valid('json'))
    const items = outcomes.map((outcome) =>
      outcome.ok ? outcome : { id: outcome.id, ok: false as const, problem: problemBody(outcome.error.code, outcome.error.status, outcome.error.detail, outcome.error.extra) },
    )
    return c.json({ items }, 200)
  })
  routes.openapi(childrenRoute, async (c) => c.json(await majorChildren(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('query').limit), 200))
  return routes
}

import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import {
  agentMessageCreateSchema,
  bulkActionSchema,
  bulkResultSchema,
  childIncidentListSchema,
  childIncidentQuerySchema,
  escalateRequestSchema,
  incidentCountsSchema,
  incidentListQuerySchema,
  incidentListSchema,
  incidentPatchSchema,
  incidentSchema,
  reasonRequestSchema,
  resolveRequestSchema,
} from '@triage/protocol/schemas'
import { requireAgent } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, optionalJsonBody, requireJsonBody } from '../http/json-body.ts'
import { domainProblemBody } from '../http/problem.ts'
import { validationHook } from '../http/validation.ts'
import { closeIncident, escalateIncident, patchIncident, postAgentMessage, reopenIncident, resolveIncident } from './agent-actions.ts'
import { bulkAction, queueCounts } from './queue.ts'
import { getAppIncident, listAppIncidents } from './service.ts'
import { messageAffected } from '../grouping/affected-update.ts'
import { majorChildren } from '../grouping/children.ts'
import { agentSecurity, badId, bodyProblems, idParams, jsonBody, jsonResponse, problemResponse } from '../http/openapi.ts'

const security = agentSecurity
const auth = problemResponse('No session or secret key, or an unknown or revoked one.')
const notFound = problemResponse('No such incident that this key may see (other apps, and tiers above an l1/l2 key, are invisible).')

const listRoute = createRoute({
  method: 'get',
  path: '/v1/incidents',
  operationId: 'listIncidents',
  tags: ['Incidents'],
  summary: "List the app's incidents",
  description:
    'Filters combine with AND. `l1` keys see L1 tickets, `l2` keys L1–L2, `l3` and `admin` keys all (a signed-in agent sees what their role sees). ' +
    "`view` is one of the console's queues: mine (assigned to the caller), unassigned, at_risk, breached, major, waiting (on the reporter) — open tickets — or resolved. " +
    'A page at a time: pass `nextCursor` back as `cursor` (with the same filters and sort).',
  security,
  middleware: [requireAgent] as const,
  request: { query: incidentListQuerySchema },
  responses: {
    200: jsonResponse('A page of incidents.', incidentListSchema),
    400: problemResponse('A bad filter, sort, limit or cursor.'),
    401: auth,
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/v1/incidents/{id}',
  operationId: 'getIncident',
  tags: ['Incidents'],
  summary: 'The enriched ticket',
  description: "Everything about one incident: the reporter's words and answers, captured context, the engine's reasoning, SLA clocks and the full timeline.",
  security,
  middleware: [requireAgent] as const,
  request: { params: idParams },
  responses: { 200: jsonResponse('The incident.', incidentSchema), ...badId, 401: auth, 404: notFound },
})

const patchRoute = createRoute({
  method: 'patch',
  path: '/v1/incidents/{id}',
  operationId: 'patchIncident',
  tags: ['Incidents'],
  summary: 'Correct kind, category, impact, urgency or assignee',
  description: 'Priority is recomputed from impact × urgency. A category correction is recorded as agent-sourced; the engine learns from it.',
  security,
  middleware: [requireAgent, limitBody, requireJsonBody] as const,
  request: { params: idParams, body: jsonBody(incidentPatchSchema) },
  responses: {
    200: jsonResponse('The corrected incident.', incidentSchema),
    ...bodyProblems,
    401: auth,
    404: notFound,
    409: problemResponse('Assignment is not possible in the current status.'),
  },
})

/** The routes that move an incident along its lifecycle share their shape. */
function actionRoute<S extends Parameters<typeof jsonBody>[0]>(name: string, operationId: string, summary: string, description: string, schema: S, bodyRequired = true) {
  return createRoute({
    method: 'post',
    path: `/v1/incidents/{id}/${name}`,
    operationId,
    tags: ['Incidents'],
    summary,
    description,
    security,
    middleware: [requireAgent, limitBody, bodyRequired ? requireJsonBody : optionalJsonBody] as const,
    request: { params: idParams, body: jsonBody(schema, bodyRequired) },
    responses: {
      200: jsonResponse('The incident after the change.', incidentSchema),
      ...bodyProblems,
      401: auth,
      404: notFound,
      409: problemResponse('Not allowed from the current status; `allowed` lists where it can go.'),
    },
  })
}

const messageRoute = actionRoute(
  'messages',
  'replyToReporter',
  'Reply to the reporter or leave an internal note',
  'A public message is shown to the reporter; the first one meets the first-response target and moves a new incident to in_progress. `awaitReporter: true` puts it in pending_reporter. An internal message is for agents only. ' +
    "On a major incident, `toAffected: true` sends one public update to every affected reporter: it is written on each open report grouped under it too (the major's event says how many in `data.affected`).",
  agentMessageCreateSchema,
)
const escalateRoute = actionRoute(
  'escalate',
  'escalateIncident',
  'Escalate to a higher tier',
  'L1 → L2 → L3, with the reason on the record. Never resolves or closes.',
  escalateRequestSchema,
)
const resolveRoute = actionRoute('resolve', 'resolveIncident', 'Resolve', '`resolution` stays internal; `publicNote` is what the reporter reads.', resolveRequestSchema)
const closeRoute = actionRoute('close', 'closeIncident', 'Close a resolved incident', 'Only resolved incidents close.', reasonRequestSchema, false)
const reopenRoute = actionRoute('reopen', 'reopenIncident', 'Reopen a resolved or closed incident', 'Back to in_progress.', reasonRequestSchema, false)

/** The agent API: secret keys, one app's incidents, up to the key's tier. */
export function incidentRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(listRoute, async (c) => c.json(await listAppIncidents(c.var.services, c.var.agent, c.req.valid('query')), 200))
  routes.openapi(getRoute, async (c) => c.json(await getAppIncident(c.var.services, c.var.agent, c.req.valid('param').id), 200))
  routes.openapi(patchRoute, async (c) => c.json(await patchIncident(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  routes.openapi(messageRoute, async (c) => {
    const message = c.req.valid('json')
    const post = message.toAffected ? messageAffected : postAgentMessage
    return c.json(await post(c.var.services, c.var.agent, c.req.valid('param').id, message), 200)
  })
  routes.openapi(escalateRoute, async (c) => c.json(await escalateIncident(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  routes.openapi(resolveRoute, async (c) => c.json(await resolveIncident(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  routes.openapi(closeRoute, async (c) => c.json(await closeIncident(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  routes.openapi(reopenRoute, async (c) => c.json(await reopenIncident(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  return routes
}

// The queue beside the list: counts per view, bulk actions, a major incident's reports. Mounted
// before incidentRoutes so that /v1/incidents/counts is not read as an incident id.
const countsRoute = createRoute({
  method: 'get',
  path: '/v1/incidents/counts',
  operationId: 'countIncidentViews',
  tags: ['Queue'],
  summary: 'How many tickets each view holds',
  description: "The number of tickets in each of the console's views (see `view` on GET /v1/incidents), among those the caller may see.",
  security,
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
  security,
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
  description:
    'The reports grouped under a major incident that the caller may see, newest first, and their number. New ones arrive on GET /v1/incidents/events with their `parentId`.',
  security,
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
    const items = outcomes.map((outcome) => (outcome.ok ? outcome : { id: outcome.id, ok: false as const, problem: domainProblemBody(outcome.error) }))
    return c.json({ items }, 200)
  })
  routes.openapi(childrenRoute, async (c) => c.json(await majorChildren(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('query').limit), 200))
  return routes
}

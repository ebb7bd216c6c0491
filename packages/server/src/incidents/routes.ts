import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import {
  agentMessageCreateSchema,
  escalateRequestSchema,
  incidentListQuerySchema,
  incidentListSchema,
  incidentPatchSchema,
  incidentSchema,
  reasonRequestSchema,
  resolveRequestSchema,
} from '@triage/protocol/schemas'
import { requireSecretKey } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, optionalJsonBody, requireJsonBody } from '../http/json-body.ts'
import { validationHook } from '../http/validation.ts'
import { closeIncident, escalateIncident, patchIncident, postAgentMessage, reopenIncident, resolveIncident } from './agent-actions.ts'
import { getAppIncident, listAppIncidents } from './service.ts'
import { badId, bodyProblems, idParams, jsonBody, jsonResponse, problemResponse } from '../http/openapi.ts'

const security = [{ secretKey: [] }]
const auth = problemResponse('Missing, unknown or revoked secret key.')
const notFound = problemResponse('No such incident that this key may see (other apps, and tiers above an l1/l2 key, are invisible).')

const listRoute = createRoute({
  method: 'get',
  path: '/v1/incidents',
  operationId: 'listIncidents',
  tags: ['Incidents'],
  summary: "List the app's incidents",
  description:
    'Filters combine with AND. `l1` keys see L1 tickets, `l2` keys L1–L2, `l3` and `admin` keys all. ' +
    'A page at a time: pass `nextCursor` back as `cursor` (with the same filters and sort).',
  security,
  middleware: [requireSecretKey] as const,
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
  middleware: [requireSecretKey] as const,
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
  middleware: [requireSecretKey, limitBody, requireJsonBody] as const,
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
    middleware: [requireSecretKey, limitBody, bodyRequired ? requireJsonBody : optionalJsonBody] as const,
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
  'A public message is shown to the reporter; the first one meets the first-response target and moves a new incident to in_progress. `awaitReporter: true` puts it in pending_reporter. An internal message is for agents only.',
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
  routes.openapi(messageRoute, async (c) => c.json(await postAgentMessage(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  routes.openapi(escalateRoute, async (c) => c.json(await escalateIncident(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  routes.openapi(resolveRoute, async (c) => c.json(await resolveIncident(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  routes.openapi(closeRoute, async (c) => c.json(await closeIncident(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  routes.openapi(reopenRoute, async (c) => c.json(await reopenIncident(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  return routes
}

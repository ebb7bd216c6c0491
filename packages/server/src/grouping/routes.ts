import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { incidentSchema, mergeRequestSchema, splitRequestSchema } from '@triage/protocol/schemas'
import { requireSecretKey } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, optionalJsonBody, requireJsonBody } from '../http/json-body.ts'
import { validationHook } from '../http/validation.ts'
import { mergeMajors, splitFromMajor } from './corrections.ts'
import { idParams, jsonBody, jsonResponse, problemResponse } from '../http/openapi.ts'

const security = [{ secretKey: [] }]
const common = {
  400: problemResponse('Malformed JSON.'),
  401: problemResponse('Missing, unknown or revoked secret key.'),
  404: problemResponse('No such incident that this key may see (other apps, and tiers above an l1/l2 key, are invisible).'),
  413: problemResponse('The body is too large.'),
  415: problemResponse('The body is not JSON.'),
  422: problemResponse('Invalid fields.'),
}

const splitRoute = createRoute({
  method: 'post',
  path: '/v1/incidents/{id}/split',
  operationId: 'splitIncidentFromMajor',
  tags: ['Incidents'],
  summary: 'Take a report out of its major incident',
  description:
    'The report keeps its own ticket; resolving the major incident no longer resolves it. Both timelines record it (`ungrouped`, internal). ' +
    'Grouping learns from it: reports like this one stay out of groups like that one from now on. The key must see the report and its major incident.',
  security,
  middleware: [requireSecretKey, limitBody, optionalJsonBody] as const,
  request: { params: idParams, body: jsonBody(splitRequestSchema, false) },
  responses: {
    200: jsonResponse('The report, out of the group.', incidentSchema),
    ...common,
    409: problemResponse('The incident is a major incident itself, or is not grouped.'),
  },
})

const mergeRoute = createRoute({
  method: 'post',
  path: '/v1/incidents/{id}/merge',
  operationId: 'mergeMajorIncidents',
  tags: ['Incidents'],
  summary: 'Merge another major incident into this one',
  description:
    'Every report of `from` moves under this major incident (resolving it resolves them all); `from` is resolved as merged and points here. ' +
    'Both timelines record it (`merged`, internal). Grouping learns from it: the next outage told both ways forms one group. The key must see both.',
  security,
  middleware: [requireSecretKey, limitBody, requireJsonBody] as const,
  request: { params: idParams, body: jsonBody(mergeRequestSchema) },
  responses: {
    200: jsonResponse('The major incident, with the reports of both.', incidentSchema),
    ...common,
    409: problemResponse('One of them is not a major incident, is resolved or closed, was already merged, or both are the same.'),
  },
})

/** Agents' corrections of major-incident grouping: secret keys, one app's incidents, up to the key's tier. */
export function groupingRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(splitRoute, async (c) => c.json(await splitFromMajor(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json') ?? {}), 200))
  routes.openapi(mergeRoute, async (c) => c.json(await mergeMajors(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  return routes
}

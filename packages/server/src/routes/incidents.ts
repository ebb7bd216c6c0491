import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { incidentListQuerySchema, incidentListSchema, incidentSchema, problemSchema } from '@triage/protocol/schemas'
import { requireSecretKey } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { validationHook } from '../http/validation.ts'
import { getAppIncident, listAppIncidents } from '../services/incidents.ts'

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
})

const listRoute = createRoute({
  method: 'get',
  path: '/v1/incidents',
  tags: ['Incidents'],
  summary: "List the app's incidents",
  description: 'Newest first, a page at a time: pass `nextCursor` back as `cursor` for the next page.',
  security: [{ secretKey: [] }],
  middleware: [requireSecretKey] as const,
  request: { query: incidentListQuerySchema },
  responses: {
    200: { description: 'A page of incidents.', content: { 'application/json': { schema: incidentListSchema } } },
    400: problemResponse('A bad filter, limit or cursor.'),
    401: problemResponse('Missing, unknown or revoked secret key.'),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/v1/incidents/{id}',
  tags: ['Incidents'],
  summary: 'The enriched ticket',
  description: "Everything about one incident: the reporter's words and answers, captured context, the engine's reasoning, and the full timeline.",
  security: [{ secretKey: [] }],
  middleware: [requireSecretKey] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'The incident.', content: { 'application/json': { schema: incidentSchema } } },
    401: problemResponse('Missing, unknown or revoked secret key.'),
    404: problemResponse('No such incident in this app.'),
  },
})

/** The agent API: secret keys, one app's incidents only. */
export function incidentRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  routes.openapi(listRoute, async (c) => {
    return c.json(await listAppIncidents(c.var.services, c.var.agent.appId, c.req.valid('query')), 200)
  })

  routes.openapi(getRoute, async (c) => {
    return c.json(await getAppIncident(c.var.services, c.var.agent.appId, c.req.valid('param').id), 200)
  })

  return routes
}

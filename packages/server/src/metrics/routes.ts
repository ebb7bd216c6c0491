import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { metricsQuerySchema, metricsSchema } from '@triage/protocol/schemas'
import { requireSecretKey } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { validationHook } from '../http/validation.ts'
import { appMetrics } from './service.ts'
import { jsonResponse, problemResponse } from '../http/openapi.ts'

const metricsRoute = createRoute({
  method: 'get',
  path: '/v1/metrics',
  operationId: 'getMetrics',
  tags: ['Metrics'],
  summary: 'How the team keeps its promises',
  description:
    'Time to first response and to resolution (median, p90 in minutes), SLA attainment and breach counts — overall and by priority, ' +
    'category and tier — for tickets created in [from, to) (default: the last 30 days), and the open backlog by status and tier.',
  security: [{ secretKey: [] }],
  middleware: [requireSecretKey] as const,
  request: { query: metricsQuerySchema },
  responses: {
    200: jsonResponse('The figures.', metricsSchema),
    400: problemResponse('A bad date range.'),
    401: problemResponse('Missing, unknown or revoked secret key.'),
  },
})

export function metricsRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(metricsRoute, async (c) => c.json(await appMetrics(c.var.services, c.var.agent, c.req.valid('query')), 200))
  return routes
}

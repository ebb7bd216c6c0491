import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { metricsQuerySchema, metricsSchema, metricsSeriesQuerySchema, metricsSeriesSchema } from '@triage/protocol/schemas'
import { requireAgent } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { validationHook } from '../http/validation.ts'
import { metricsSeries } from './series.ts'
import { appMetrics } from './service.ts'
import { agentSecurity, jsonResponse, problemResponse } from '../http/openapi.ts'

const metricsRoute = createRoute({
  method: 'get',
  path: '/v1/metrics',
  operationId: 'getMetrics',
  tags: ['Metrics'],
  summary: 'How the team keeps its promises',
  description:
    'Time to first response and to resolution (median, p90 in minutes), SLA attainment and breach counts — overall and by priority, ' +
    'category and tier — for tickets created in [from, to) (default: the last 30 days), and the open backlog by status and tier.',
  security: agentSecurity,
  middleware: [requireAgent] as const,
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

const seriesRoute = createRoute({
  method: 'get',
  path: '/v1/metrics/series',
  operationId: 'getMetricsSeries',
  tags: ['Metrics'],
  summary: "The dashboard's charts, day by day",
  description:
    'One entry per UTC day from `from` to `to` (days or times; default the last 30 days, at most 366): tickets, time to first response and to resolution ' +
    '(median, p90 in minutes), SLA attainment, tickets by category, deflections, and the classifier against agents (tickets handled, categories corrected); ' +
    'totals with the deflection rate and the classifier accuracy; the open backlog by tier and status. Only tickets of the tiers the caller sees count.',
  security: agentSecurity,
  middleware: [requireAgent] as const,
  request: { query: metricsSeriesQuerySchema },
  responses: {
    200: jsonResponse('The series.', metricsSeriesSchema),
    400: problemResponse('A bad or too long range.'),
    401: problemResponse('No session or secret key, or an unknown one.'),
  },
})

export function metricsSeriesRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(seriesRoute, async (c) => c.json(await metricsSeries(c.var.services, c.var.agent, c.req.valid('query')), 200))
  return routes
}

import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { diagnosticsQuerySchema, diagnosticsResultSchema } from '@triage/protocol/schemas'
import { requirePublishableKey } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { validationHook } from '../http/validation.ts'
import { diagnose } from './service.ts'
import { jsonResponse, problemResponse, rateLimited } from '../http/openapi.ts'

const diagnosticsRoute = createRoute({
  method: 'get',
  path: '/v1/diagnostics',
  operationId: 'diagnose',
  tags: ['Reports'],
  summary: 'Guided diagnosis before reporting',
  description:
    'The likely category of the symptoms (or `category` if the reporter picked one), its guided questions in `locale` (en, fr), ' +
    'every category to pick from, and resolved incidents whose public note may solve the problem at once.',
  security: [{ publishableKey: [] }],
  middleware: [requirePublishableKey] as const,
  request: { query: diagnosticsQuerySchema },
  responses: {
    200: jsonResponse('Category, questions and similar resolutions.', diagnosticsResultSchema),
    400: problemResponse('Missing or too long symptoms.'),
    401: problemResponse('Missing, unknown or revoked publishable key.'),
    403: problemResponse('The Origin is not allowed for this app.'),
    ...rateLimited,
  },
})

/** Diagnosis for the widget and SDK, with a publishable key. */
export function diagnosticsRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(diagnosticsRoute, async (c) => c.json(await diagnose(c.var.services, c.var.publicCaller.appId, c.req.valid('query')), 200))
  return routes
}

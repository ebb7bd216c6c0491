import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { deflectionCreatedSchema, deflectionCreateSchema } from '@triage/protocol/schemas'
import { requirePublishableKey } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, requireJsonBody } from '../http/json-body.ts'
import { validationHook } from '../http/validation.ts'
import { bodyProblems, jsonBody, jsonResponse, problemResponse, rateLimited } from '../http/openapi.ts'
import { recordDeflection } from './service.ts'

const deflectRoute = createRoute({
  method: 'post',
  path: '/v1/deflections',
  operationId: 'createDeflection',
  tags: ['Deflections'],
  summary: 'A suggestion solved it: no report',
  description:
    "The app's page (e.g. from the widget's onDeflect) says that a resolved incident's public note, suggested by GET /v1/diagnostics, " +
    'solved the problem, and no report was filed: it counts toward the deflection rate on the dashboard. Nothing the visitor wrote is sent.',
  security: [{ publishableKey: [] }],
  middleware: [limitBody, requirePublishableKey, requireJsonBody] as const,
  request: { body: jsonBody(deflectionCreateSchema) },
  responses: {
    201: jsonResponse('Counted.', deflectionCreatedSchema),
    ...bodyProblems,
    401: problemResponse('Missing, unknown or revoked publishable key.'),
    403: problemResponse('The Origin is not allowed for this app.'),
    404: problemResponse('No resolved incident with that number and a public note in this app.'),
    ...rateLimited,
  },
})

/** The public deflection count: publishable key, like reports. */
export function deflectionRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(deflectRoute, async (c) => c.json(await recordDeflection(c.var.services, c.var.publicCaller.appId, c.req.valid('json')), 201))
  return routes
}

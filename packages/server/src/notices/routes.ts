import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { languageOf } from '@triage/engine'
import { noticeListSchema, noticeQuerySchema } from '@triage/protocol/schemas'
import { requirePublishableKey } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { validationHook } from '../http/validation.ts'
import { listNotices } from './service.ts'
import { jsonResponse, problemResponse, rateLimited } from '../http/openapi.ts'

const listNoticesRoute = createRoute({
  method: 'get',
  path: '/v1/notices',
  operationId: 'listNotices',
  tags: ['Reports'],
  summary: 'Known problems, before a visitor reports',
  description:
    'The app\'s open major incidents as the widget tells every visitor ("Known problem: payments fail at checkout"): ' +
    'the public title its agents wrote (PATCH /v1/incidents/{id} with `publicTitle`), or until then its category in plain words in `locale` (en, fr). ' +
    'Never a reporter’s own words. To say "me too", file a report with `notice` set to the notice’s id: it joins the major incident, and is resolved with it.',
  security: [{ publishableKey: [] }],
  middleware: [requirePublishableKey] as const,
  request: { query: noticeQuerySchema },
  responses: {
    200: jsonResponse('The known problems, newest first (at most 3).', noticeListSchema),
    400: problemResponse('An unknown query parameter or a too long locale.'),
    401: problemResponse('Missing, unknown or revoked publishable key.'),
    403: problemResponse('The Origin is not allowed for this app.'),
    ...rateLimited,
  },
})

/** Known problems for the widget, with a publishable key. */
export function noticeRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(listNoticesRoute, async (c) => {
    c.header('cache-control', 'private, no-cache')
    return c.json(await listNotices(c.var.services, c.var.publicCaller.appId, languageOf(c.req.valid('query').locale)), 200)
  })
  return routes
}

import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import {
  apiKeyCreatedSchema,
  apiKeyCreateSchema,
  apiKeyInfoSchema,
  appSettingsPatchSchema,
  appSettingsSchema,
  webhookCreateSchema,
  webhookCreatedSchema,
  webhookDeliverySchema,
  webhookSchema,
} from '@triage/protocol/schemas'
import { requireAdmin, requireAgent } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, requireJsonBody } from '../http/json-body.ts'
import { validationHook } from '../http/validation.ts'
import {
  createAppKey,
  createAppWebhook,
  disableAppWebhook,
  getAppSettings,
  listAppKeys,
  listAppWebhooks,
  listWebhookDeliveries,
  patchAppSettings,
  revokeAppKey,
  rotateWebhookSecret,
} from './service.ts'
import { agentSecurity, badId, bodyProblems, idParams, jsonBody, jsonResponse, problemResponse } from '../http/openapi.ts'

const security = agentSecurity
const errors = {
  401: problemResponse('Missing, unknown or revoked secret key.'),
  403: problemResponse('The key is not an admin key.'),
}
const withBody = bodyProblems
const notFound = { ...badId, 404: problemResponse('Not found in this app.') }
const readOnly = [requireAgent, requireAdmin]
const writing = [requireAgent, requireAdmin, limitBody, requireJsonBody]

const getApp = createRoute({
  method: 'get',
  path: '/v1/admin/app',
  operationId: 'getApp',
  tags: ['Admin'],
  summary: "The app's settings",
  security,
  middleware: readOnly,
  responses: { 200: jsonResponse('The app.', appSettingsSchema), ...errors },
})
const patchApp = createRoute({
  method: 'patch',
  path: '/v1/admin/app',
  operationId: 'patchApp',
  tags: ['Admin'],
  summary: 'Rename the app or set its allowed origins',
  security,
  middleware: writing,
  request: { body: jsonBody(appSettingsPatchSchema) },
  responses: { 200: jsonResponse('The app.', appSettingsSchema), ...errors, ...withBody },
})
const listKeysRoute = createRoute({
  method: 'get',
  path: '/v1/admin/keys',
  operationId: 'listKeys',
  tags: ['Admin'],
  summary: "The app's keys (never their secrets)",
  security,
  middleware: readOnly,
  responses: { 200: jsonResponse('The keys.', z.array(apiKeyInfoSchema)), ...errors },
})
const createKeyRoute = createRoute({
  method: 'post',
  path: '/v1/admin/keys',
  operationId: 'createKey',
  tags: ['Admin'],
  summary: 'Create a key',
  description: 'The key is in the answer this once: only its hash is stored.',
  security,
  middleware: writing,
  request: { body: jsonBody(apiKeyCreateSchema) },
  responses: { 201: jsonResponse('The new key.', apiKeyCreatedSchema), ...errors, ...withBody },
})
const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/admin/keys/{id}',
  operationId: 'revokeKey',
  tags: ['Admin'],
  summary: 'Revoke a key',
  security,
  middleware: readOnly,
  request: { params: idParams },
  responses: { 200: jsonResponse('The revoked key.', apiKeyInfoSchema), ...errors, ...notFound },
})
const listWebhooksRoute = createRoute({
  method: 'get',
  path: '/v1/admin/webhooks',
  operationId: 'listWebhooks',
  tags: ['Admin'],
  summary: "The app's active webhooks (never their secrets)",
  security,
  middleware: readOnly,
  responses: { 200: jsonResponse('The webhooks.', z.array(webhookSchema)), ...errors },
})
const createWebhookRoute = createRoute({
  method: 'post',
  path: '/v1/admin/webhooks',
  operationId: 'createWebhook',
  tags: ['Admin'],
  summary: 'Subscribe a URL to incident events',
  description:
    'Deliveries are POSTed as JSON with `Triage-Signature: t=…,v1=…` (HMAC-SHA256 of "t.body" with the webhook secret), and retried with backoff (30 s, 2 min, 10 min, 1 h, 6 h).',
  security,
  middleware: writing,
  request: { body: jsonBody(webhookCreateSchema) },
  responses: { 201: jsonResponse('The webhook with its signing secret, shown this once.', webhookCreatedSchema), ...errors, ...withBody },
})
const rotateWebhookSecretRoute = createRoute({
  method: 'post',
  path: '/v1/admin/webhooks/{id}/rotate-secret',
  operationId: 'rotateWebhookSecret',
  tags: ['Admin'],
  summary: "Replace a webhook's signing secret",
  description: 'The new secret is in the answer this once and signs every delivery from now on; the old one stops at once.',
  security,
  middleware: readOnly,
  request: { params: idParams },
  responses: { 200: jsonResponse('The webhook with its new signing secret.', webhookCreatedSchema), ...errors, ...notFound },
})
const disableWebhookRoute = createRoute({
  method: 'delete',
  path: '/v1/admin/webhooks/{id}',
  operationId: 'stopWebhook',
  tags: ['Admin'],
  summary: 'Stop a webhook',
  security,
  middleware: readOnly,
  request: { params: idParams },
  responses: { 200: jsonResponse('The disabled webhook.', webhookSchema), ...errors, ...notFound },
})
const deliveriesRoute = createRoute({
  method: 'get',
  path: '/v1/admin/webhooks/{id}/deliveries',
  operationId: 'listWebhookDeliveries',
  tags: ['Admin'],
  summary: 'The delivery log of a webhook (latest 100)',
  security,
  middleware: readOnly,
  request: { params: idParams },
  responses: { 200: jsonResponse('Deliveries, newest first.', z.array(webhookDeliverySchema)), ...errors, ...notFound },
})

/** The app's own administration: settings, keys and webhooks, for admin keys. */
export function adminRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(getApp, async (c) => c.json(await getAppSettings(c.var.services, c.var.agent), 200))
  routes.openapi(patchApp, async (c) => c.json(await patchAppSettings(c.var.services, c.var.agent, c.req.valid('json')), 200))
  routes.openapi(listKeysRoute, async (c) => c.json(await listAppKeys(c.var.services, c.var.agent), 200))
  routes.openapi(createKeyRoute, async (c) => c.json(await createAppKey(c.var.services, c.var.agent, c.req.valid('json')), 201))
  routes.openapi(revokeKeyRoute, async (c) => c.json(await revokeAppKey(c.var.services, c.var.agent, c.req.valid('param').id), 200))
  routes.openapi(listWebhooksRoute, async (c) => c.json(await listAppWebhooks(c.var.services, c.var.agent), 200))
  routes.openapi(createWebhookRoute, async (c) => c.json(await createAppWebhook(c.var.services, c.var.agent, c.req.valid('json')), 201))
  routes.openapi(rotateWebhookSecretRoute, async (c) => c.json(await rotateWebhookSecret(c.var.services, c.var.agent, c.req.valid('param').id), 200))
  routes.openapi(disableWebhookRoute, async (c) => c.json(await disableAppWebhook(c.var.services, c.var.agent, c.req.valid('param').id), 200))
  routes.openapi(deliveriesRoute, async (c) => c.json(await listWebhookDeliveries(c.var.services, c.var.agent, c.req.valid('param').id), 200))
  return routes
}

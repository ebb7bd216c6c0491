import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { agentInvitationSchema, agentInviteSchema, agentListSchema, agentPatchSchema, agentSchema, colleagueListSchema } from '@triage/protocol/schemas'
import { requireAdmin, requireAgent } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, requireJsonBody } from '../http/json-body.ts'
import { validationHook } from '../http/validation.ts'
import { agentSecurity, badId, bodyProblems, idParams, jsonBody, jsonResponse, problemResponse } from '../routes/shared.ts'
import { inviteAgent, listAppAgents, listColleagues, patchAgent, reinviteAgent } from './accounts.ts'

const security = agentSecurity
const errors = {
  401: problemResponse('No session or secret key, or an unknown one.'),
  403: problemResponse('Not an admin; or a cookie-signed request from another site.'),
}
const withBody = bodyProblems
const notFound = { ...badId, 404: problemResponse('No such agent in this app.') }

const colleaguesRoute = createRoute({
  method: 'get',
  path: '/v1/agents',
  operationId: 'listColleagues',
  tags: ['Agents'],
  summary: "The app's agents, by name",
  description: 'Every agent of the app sees the active accounts (id, name, role): to show assignees and presence by name, and to assign someone (`assignee: "agt_…"`).',
  security,
  middleware: [requireAgent] as const,
  responses: { 200: jsonResponse('The agents.', colleagueListSchema), 401: errors[401] },
})

const listRoute = createRoute({
  method: 'get',
  path: '/v1/admin/agents',
  operationId: 'listAgents',
  tags: ['Agents'],
  summary: "The app's agent accounts",
  security,
  middleware: [requireAgent, requireAdmin] as const,
  responses: { 200: jsonResponse('The accounts, by name.', agentListSchema), ...errors },
})

const inviteRoute = createRoute({
  method: 'post',
  path: '/v1/admin/agents',
  operationId: 'inviteAgent',
  tags: ['Agents'],
  summary: 'Invite an agent',
  description:
    'Creates the account (without a password) and answers a one-time link to set one, valid 7 days: give it to the person. ' +
    'The link is in this answer only. CLI: `npm run triage -- agents invite --email … --role l2`.',
  security,
  middleware: [requireAgent, requireAdmin, limitBody, requireJsonBody] as const,
  request: { body: jsonBody(agentInviteSchema) },
  responses: { 201: jsonResponse('The account and its link.', agentInvitationSchema), ...errors, ...withBody, 409: problemResponse('The e-mail already has an account in this app.') },
})

const reinviteRoute = createRoute({
  method: 'post',
  path: '/v1/admin/agents/{id}/invitation',
  operationId: 'reinviteAgent',
  tags: ['Agents'],
  summary: 'A new invitation link for an agent',
  description: 'For someone who lost their link or forgot their password: earlier links stop working; setting the password ends their sessions.',
  security,
  middleware: [requireAgent, requireAdmin] as const,
  request: { params: idParams },
  responses: { 201: jsonResponse('The account and its new link.', agentInvitationSchema), ...errors, ...notFound, 409: problemResponse('The account is disabled.') },
})

const patchRoute = createRoute({
  method: 'patch',
  path: '/v1/admin/agents/{id}',
  operationId: 'patchAgent',
  tags: ['Agents'],
  summary: 'Rename an agent, change their role, disable or enable them',
  description: 'A new role applies to their next request. Disabling ends every session of theirs at once. An admin cannot disable or demote themselves.',
  security,
  middleware: [requireAgent, requireAdmin, limitBody, requireJsonBody] as const,
  request: { params: idParams, body: jsonBody(agentPatchSchema) },
  responses: { 200: jsonResponse('The account.', agentSchema), ...errors, ...withBody, ...notFound, 409: problemResponse('An admin disabling or demoting themselves.') },
})

/** Where the server is reached, for invitation links when no public URL is configured. */
const requestBase = (url: string) => new URL(url).origin

/** Agent accounts: the directory for every agent, their management for admins. */
export function agentRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.openapi(colleaguesRoute, async (c) => c.json(await listColleagues(c.var.services, c.var.agent.appId), 200))
  routes.openapi(listRoute, async (c) => c.json(await listAppAgents(c.var.services, c.var.agent.appId), 200))
  routes.openapi(inviteRoute, async (c) => c.json(await inviteAgent(c.var.services, c.var.agent.appId, c.req.valid('json'), requestBase(c.req.url)), 201))
  routes.openapi(reinviteRoute, async (c) => c.json(await reinviteAgent(c.var.services, c.var.agent.appId, c.req.valid('param').id, requestBase(c.req.url)), 201))
  routes.openapi(patchRoute, async (c) => c.json(await patchAgent(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  return routes
}

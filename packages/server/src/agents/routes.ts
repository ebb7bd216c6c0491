import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import {
  agentInvitationSchema,
  agentInviteSchema,
  agentListSchema,
  agentPatchSchema,
  agentSchema,
  agentSessionSchema,
  colleagueListSchema,
  invitationAcceptSchema,
  invitationInfoSchema,
  signInRequestSchema,
} from '@triage/protocol/schemas'
import { createMiddleware } from 'hono/factory'
import { requireAdmin, requireAgent } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, requireJsonBody } from '../http/json-body.ts'
import { agentSecurity, badId, bodyProblems, idParams, jsonBody, jsonResponse, problemResponse, rateLimited } from '../http/openapi.ts'
import { problem } from '../http/problem.ts'
import { crossSiteRefusal, isSameOrigin } from '../http/same-origin.ts'
import { clearSessionCookie, sessionToken, setSessionCookie } from '../http/session-cookie.ts'
import { validationHook } from '../http/validation.ts'
import { inviteAgent, listAppAgents, listColleagues, patchAgent, reinviteAgent } from './accounts.ts'
import { acceptInvitation, callerOfSession, invitationInfo, signIn, signOut } from './sessions.ts'

// Agent accounts (the directory, an admin's management) first; then signing in and out, and invitations accepted.

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
  responses: {
    201: jsonResponse('The account and its link.', agentInvitationSchema),
    ...errors,
    ...withBody,
    409: problemResponse('The e-mail already has an account in this app.'),
  },
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

/**
 * A browser's request must come from this server's pages; a request without `Origin` or
 * `Sec-Fetch-Site` is not a browser's (curl, a script) and cannot carry someone else's intent.
 * Refuses login CSRF (a forged sign-in into the attacker's account) and forged sign-outs.
 */
const fromOwnPagesIfBrowser = createMiddleware<AppEnv>(async (c, next) => {
  const fromBrowser = c.req.header('origin') !== undefined || c.req.header('sec-fetch-site') !== undefined || sessionToken(c) !== undefined
  if (fromBrowser && !isSameOrigin(c)) return crossSiteRefusal(c)
  await next()
})

const setCookie = {
  'Set-Cookie': {
    description: 'The session: `triage_session=…; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=…`.',
    schema: { type: 'string' as const },
  },
}
const crossSite = { 403: problemResponse("A browser request that does not come from this server's pages (CSRF protection).") }
/** An invitation link's token (`inv_…`); any other well-formed one is simply unknown (404). */
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be the token of an invitation link (inv_…)') })

const signInRoute = createRoute({
  method: 'post',
  path: '/v1/auth/sign-in',
  operationId: 'signIn',
  tags: ['Auth'],
  summary: 'Sign in with e-mail and password',
  description:
    'Opens a session: the answer sets the `triage_session` cookie, which the agent API then accepts like a secret key (same rules for the role). ' +
    'A wrong pair, an unknown e-mail and a disabled account answer the same 401. After 5 failures for one e-mail, or 20 from one address, ' +
    'within 15 minutes, sign-ins for them answer 429 until the window ends.',
  middleware: [fromOwnPagesIfBrowser, limitBody, requireJsonBody] as const,
  request: { body: jsonBody(signInRequestSchema) },
  responses: {
    200: { ...jsonResponse('Signed in.', agentSessionSchema), headers: setCookie },
    ...bodyProblems,
    401: problemResponse('Wrong e-mail or password.'),
    ...crossSite,
    409: problemResponse('The pair opens accounts in several apps: send `appId`, one of `allowed`.'),
    429: { ...rateLimited[429], ...problemResponse('Too many failed sign-ins for this e-mail or from this address; wait the seconds in Retry-After.') },
  },
})

const signOutRoute = createRoute({
  method: 'post',
  path: '/v1/auth/sign-out',
  operationId: 'signOut',
  tags: ['Auth'],
  summary: 'Sign out',
  description: 'Ends the session of the cookie (it is deleted from storage) and clears the cookie. Answers 204 also when no session was open.',
  security: [{ agentSession: [] }],
  middleware: [fromOwnPagesIfBrowser] as const,
  responses: { 204: { description: 'Signed out.', headers: setCookie }, ...crossSite },
})

const sessionRoute = createRoute({
  method: 'get',
  path: '/v1/auth/session',
  operationId: 'getSession',
  tags: ['Auth'],
  summary: 'The signed-in agent',
  security: [{ agentSession: [] }],
  responses: { 200: jsonResponse('The session.', agentSessionSchema), 401: problemResponse('Not signed in, or the session ended.') },
})

const invitationRoute = createRoute({
  method: 'get',
  path: '/v1/auth/invitations/{token}',
  operationId: 'getInvitation',
  tags: ['Auth'],
  summary: 'An invitation, before its password is set',
  request: { params: tokenParams },
  responses: {
    200: jsonResponse('Who is invited, to which app.', invitationInfoSchema),
    400: problemResponse('Not an invitation token.'),
    404: problemResponse('Unknown, used or expired.'),
    409: problemResponse('The account was disabled.'),
  },
})

const acceptRoute = createRoute({
  method: 'post',
  path: '/v1/auth/invitations/{token}',
  operationId: 'acceptInvitation',
  tags: ['Auth'],
  summary: 'Set the password of an invitation, and sign in',
  description: 'One time: the link is used up. The agent is signed in (the cookie is set) and their other sessions end.',
  middleware: [fromOwnPagesIfBrowser, limitBody, requireJsonBody] as const,
  request: { params: tokenParams, body: jsonBody(invitationAcceptSchema) },
  responses: {
    200: { ...jsonResponse('Signed in.', agentSessionSchema), headers: setCookie },
    ...bodyProblems,
    ...crossSite,
    404: problemResponse('Unknown, used or expired.'),
    409: problemResponse('The account was disabled.'),
  },
})

/** `/v1/auth`: people sign in and out, and accept invitations. */
export function authRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  routes.use('/v1/auth/*', async (c, next) => {
    await next()
    // Nothing of a session is ever cached, by the browser or a proxy.
    c.res.headers.set('cache-control', 'no-store')
  })
  routes.openapi(signInRoute, async (c) => {
    const opened = await signIn(c.var.services, c.req.valid('json'), c.var.clientAddress)
    setSessionCookie(c, opened.token, opened.maxAgeSeconds)
    return c.json(opened.session, 200)
  })
  routes.openapi(signOutRoute, async (c) => {
    const token = sessionToken(c)
    if (token) await signOut(c.var.services, token)
    clearSessionCookie(c)
    return c.body(null, 204)
  })
  routes.openapi(sessionRoute, async (c) => {
    const token = sessionToken(c)
    const signedIn = token ? await callerOfSession(c.var.services, token, 'en') : undefined
    if (!signedIn) return problem('session_expired', 401, 'Not signed in, or the session has ended. Sign in with POST /v1/auth/sign-in.') as never
    return c.json(signedIn.session, 200)
  })
  routes.openapi(invitationRoute, async (c) => c.json(await invitationInfo(c.var.services, c.req.valid('param').token), 200))
  routes.openapi(acceptRoute, async (c) => {
    const opened = await acceptInvitation(c.var.services, c.req.valid('param').token, c.req.valid('json'))
    setSessionCookie(c, opened.token, opened.maxAgeSeconds)
    return c.json(opened.session, 200)
  })
  return routes
}

import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { agentSessionSchema, invitationAcceptSchema, invitationInfoSchema, signInRequestSchema } from '@triage/protocol/schemas'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../http/env.ts'
import { limitBody, requireJsonBody } from '../http/json-body.ts'
import { problem } from '../http/problem.ts'
import { crossSiteRefusal, isSameOrigin } from '../http/same-origin.ts'
import { clearSessionCookie, sessionToken, setSessionCookie } from '../http/session-cookie.ts'
import { validationHook } from '../http/validation.ts'
import { bodyProblems, jsonBody, jsonResponse, problemResponse, rateLimited } from '../routes/shared.ts'
import { acceptInvitation, callerOfSession, invitationInfo, signIn, signOut } from './sessions.ts'

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

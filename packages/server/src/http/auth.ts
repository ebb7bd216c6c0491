import { createMiddleware } from 'hono/factory'
import type { Context } from 'hono'
import { languageOf } from '@triage/engine'
import { hashKey, isReporterToken, keyKindOf } from '../security/keys.ts'
import type { StoredKey } from '../storage/keys.ts'
import { findKeyByHash, findPublishableKey } from '../storage/keys.ts'
import { callerOfSession } from '../agents/sessions.ts'
import type { AppEnv } from './env.ts'
import { problem } from './problem.ts'
import { crossSiteRefusal, isSameOrigin, isStateChanging } from './same-origin.ts'
import { expiredSessionCookie, sessionToken } from './session-cookie.ts'

/** The bearer token of an `Authorization` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}

/**
 * The reporter token a request presents: `?token=` (EventSource cannot set headers) first, else
 * the bearer token, in any spelling of the scheme. The routes and the limits read it alike.
 */
export function presentedReporterToken(c: Context<AppEnv>): string | undefined {
  return c.req.query('token') || bearerToken(c.req.header('authorization'))
}

/**
 * Reporter routes (`/v1/reports/{id}/…`): the reporter token of that report, checked before the
 * body is read, so a request without credentials is told so rather than about its fields. A
 * wrong token and an unknown id get the same 404, so ids cannot be probed.
 */
export const requireReporterToken = createMiddleware<AppEnv>(async (c, next) => {
  const token = presentedReporterToken(c)
  if (!token) return problem('missing_key', 401, 'Send the reporter token as Authorization: Bearer rt_….')
  if (!(await isReporterToken(c.var.services.reporterSecret, c.req.param('id') ?? '', token))) {
    return problem('not_found', 404, 'No report with this id opens with this reporter token. Use the token returned when the report was created.')
  }
  c.set('reporterToken', token)
  await next()
})

async function lookUp(services: AppEnv['Variables']['services'], key: string): Promise<StoredKey | undefined> {
  return findKeyByHash(services.db, await hashKey(key))
}

/**
 * Publishable key in `X-Triage-Key`. A browser's `Origin` must be one of the app's allowed
 * origins (an empty list allows any, for apps that only report from servers).
 */
export const requirePublishableKey = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('x-triage-key')
  if (!key) return problem('missing_key', 401, 'Send your publishable key in the X-Triage-Key header (pk_…).')
  if (keyKindOf(key) !== 'publishable') {
    return problem('invalid_key', 401, 'X-Triage-Key takes a publishable key (pk_…). Never put a secret key in a web page.')
  }
  const stored = await findPublishableKey(c.var.services.db, key, hashKey)
  if (stored?.kind !== 'publishable') return problem('invalid_key', 401, 'This publishable key is unknown. Check it against the one your Triage admin gave you.')
  if (stored.revokedAt !== null) return problem('invalid_key', 401, 'This publishable key was revoked. Ask your Triage admin for the current one.')
  const origin = c.req.header('origin')
  if (origin && stored.allowedOrigins.length > 0 && !stored.allowedOrigins.includes(origin)) {
    return problem('forbidden_origin', 403, `Origin ${origin} is not allowed for this app. Add it to the app's allowed origins.`)
  }
  c.set('publicCaller', { appId: stored.appId, sla: { policy: stored.slaPolicy, calendar: stored.businessHours }, identitySecret: stored.identitySecret })
  await next()
})

/**
 * The agent API's caller: a secret key as `Authorization: Bearer sk_…`, or a signed-in agent's
 * session cookie (the console). Both follow the same rules (the role decides what is visible);
 * when both are sent, the key wins. A state-changing request signed in by the cookie must come
 * from this server's own pages (see same-origin.ts): the cookie is ambient, a key is not.
 */
export const requireAgent = createMiddleware<AppEnv>(async (c, next) => {
  const locale = languageOf(c.req.header('accept-language'))
  if (c.req.header('authorization') === undefined) {
    const token = sessionToken(c)
    if (!token) {
      return problem('missing_key', 401, 'Sign in (POST /v1/auth/sign-in, or the console at /console), or send your secret key as Authorization: Bearer sk_….')
    }
    const signedIn = await callerOfSession(c.var.services, token, locale)
    if (!signedIn) {
      const refused = problem('session_expired', 401, 'Your session has ended (expired, signed out, or the account was disabled). Sign in again.')
      refused.headers.append('set-cookie', expiredSessionCookie)
      return refused
    }
    if (isStateChanging(c.req.method) && !isSameOrigin(c)) return crossSiteRefusal(c)
    c.set('agent', signedIn.caller)
    return next()
  }
  const key = bearerToken(c.req.header('authorization'))
  if (!key) return problem('missing_key', 401, 'Send your secret key as Authorization: Bearer sk_….')
  if (keyKindOf(key) !== 'secret') return problem('invalid_key', 401, 'The agent API takes a secret key (sk_…), not a publishable key or reporter token.')
  const stored = await lookUp(c.var.services, key)
  if (stored?.kind !== 'secret' || stored.role === null) return problem('invalid_key', 401, 'This secret key is unknown. Check it, or ask your Triage admin for one.')
  if (stored.revokedAt !== null) return problem('invalid_key', 401, 'This secret key was revoked. Ask your Triage admin for a new one.')
  c.set('agent', { appId: stored.appId, keyId: stored.id, agentId: null, name: stored.name, role: stored.role, locale })
  await next()
})

/** After requireAgent: managing the app, its keys, webhooks and agents takes the `admin` role. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.agent.role !== 'admin') {
    const who = c.var.agent.agentId === null ? "This key's" : 'Your'
    return problem('forbidden', 403, `${who} role is ${c.var.agent.role}; managing the app, its keys, webhooks and agents takes the admin role.`)
  }
  await next()
})

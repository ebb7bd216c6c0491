import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from './env.ts'

/** The session cookie's name (see docs/console-api.md). */
export const sessionCookieName = 'triage_session'

/**
 * Sets the session cookie: `HttpOnly` (no script reads it), `Secure` (HTTPS only; browsers accept
 * it on http://localhost for development), `SameSite=Strict` (no other site's page sends it), for
 * the whole server, ending with the session.
 */
export function setSessionCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number): void {
  setCookie(c, sessionCookieName, token, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/', maxAge: maxAgeSeconds })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, sessionCookieName, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' })
}

/** The header that clears the cookie, for answers built without the context (a refusal). */
export const expiredSessionCookie = `${sessionCookieName}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict`

export function sessionToken(c: Context<AppEnv>): string | undefined {
  const token = getCookie(c, sessionCookieName)
  return token && /^ses_[\w-]{20,100}$/.test(token) ? token : undefined
}

import type { Context } from 'hono'
import type { AppEnv } from './env.ts'
import { problem } from './problem.ts'

/**
 * Whether a request comes from this server's own pages: its `Origin` names this host (the scheme
 * may differ behind a TLS proxy), or the configured public URL's origin; and the browser's
 * `Sec-Fetch-Site`, when sent, says `same-origin`. Browsers send `Origin` with every POST, PUT,
 * PATCH and DELETE, from forms as from fetch, and a page cannot forge either header.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html#verifying-origin-with-standard-headers
 */
export function isSameOrigin(c: Context<AppEnv>): boolean {
  const fetchSite = c.req.header('sec-fetch-site')
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false
  const origin = c.req.header('origin')
  if (!origin) return false
  let from: URL
  try {
    from = new URL(origin)
  } catch {
    return false
  }
  const publicUrl = c.var.services.publicUrl
  if (publicUrl && new URL(publicUrl).origin === from.origin) return true
  return from.host === (c.req.header('host') ?? new URL(c.req.url).host)
}

/** The 403 for a request that is not from this server's pages. */
export function crossSiteRefusal(c: Context<AppEnv>): Response {
  const origin = c.req.header('origin')
  return problem(
    'forbidden_origin',
    403,
    `${origin ? `Origin ${origin} is not this server` : 'No Origin header'}: a request signed in by the session cookie must come from this server's own pages (cross-site request forgery protection). Integrations use a secret key instead.`,
  )
}

/** Methods that change something: what CSRF protection covers. GET and HEAD never change anything here. */
export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())
}

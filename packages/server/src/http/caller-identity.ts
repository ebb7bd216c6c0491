import type { Context } from 'hono'
import { hashKey, isReporterToken, keyKindOf } from '../security/keys.ts'
import { findPublishableKey } from '../storage/keys.ts'
import { presentedReporterToken } from './auth.ts'
import type { AppEnv } from './env.ts'

/** `/v1/reports/{id}` and the routes under it: the ones a reporter token opens. */
const reportPath = /^\/v1\/reports\/([^/]+)(?:\/[^/]+)?$/

/**
 * Who is calling a public route, as limits count them: the report a valid reporter token opens, or
 * the app of a known publishable key; everything else (no credential, a wrong one, junk) is one
 * `anonymous` caller per address. Parsed and checked as the routes do it, so no spelling of a
 * header, nor junk beside a valid credential, makes a new caller (#12.4).
 */
export async function callerIdentity(c: Context<AppEnv>): Promise<string> {
  const { services } = c.var
  const report = reportPath.exec(c.req.path)?.[1]
  if (report !== undefined) {
    const token = presentedReporterToken(c)
    return token && (await isReporterToken(services.reporterSecret, report, token)) ? `report:${report}` : 'anonymous'
  }
  const key = c.req.header('x-triage-key')
  if (key && keyKindOf(key) === 'publishable') {
    const stored = await findPublishableKey(services.db, key, hashKey)
    if (stored?.kind === 'publishable' && stored.revokedAt === null) return `app:${stored.appId}`
  }
  return 'anonymous'
}

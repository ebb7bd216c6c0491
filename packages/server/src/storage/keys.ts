import type { BusinessCalendar, SlaPolicy } from '@triage/engine'
import { and, eq, isNull } from 'drizzle-orm'
import { apiKeys, apps } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

export interface StoredKey {
  id: string
  appId: string
  kind: 'publishable' | 'secret'
  role: 'l1' | 'l2' | 'l3' | 'admin' | null
  name: string
  revokedAt: number | null
  allowedOrigins: string[]
  slaPolicy: SlaPolicy | null
  businessHours: BusinessCalendar | null
  identitySecret: string | null
}

export async function findKeyByHash(db: Database, hash: string): Promise<StoredKey | undefined> {
  const [row] = await db
    .select({
      id: apiKeys.id,
      appId: apiKeys.appId,
      kind: apiKeys.kind,
      role: apiKeys.role,
      name: apiKeys.name,
      revokedAt: apiKeys.revokedAt,
      allowedOrigins: apps.allowedOrigins,
      slaPolicy: apps.slaPolicy,
      businessHours: apps.businessHours,
      identitySecret: apps.identitySecret,
    })
    .from(apiKeys)
    .innerJoin(apps, eq(apps.id, apiKeys.appId))
    .where(eq(apiKeys.hash, hash))
    .limit(1)
  return row
}

export async function findActivePublishableKey(db: Database, appId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ display: apiKeys.display })
    .from(apiKeys)
    .where(and(eq(apiKeys.appId, appId), eq(apiKeys.kind, 'publishable'), isNull(apiKeys.revokedAt)))
    .limit(1)
  return row?.display
}

/**
 * Publishable keys seen recently, by the key itself: the ingestion path then skips a hash and a
 * query per report. Only known publishable keys are kept, for 30 s at most and 1,000 at a time;
 * a change made through this process (revocation, allowed origins, SLA settings) clears it, one
 * made elsewhere shows within 30 s. Secret keys are never cached: revoking one takes effect at once.
 */
const publishableCache = new WeakMap<Database, Map<string, { key: StoredKey; until: number }>>()
const cacheMs = 30_000
const cacheSize = 1_000

export async function findPublishableKey(db: Database, key: string, hash: (key: string) => Promise<string>, now = Date.now()): Promise<StoredKey | undefined> {
  let cache = publishableCache.get(db)
  if (!cache) publishableCache.set(db, (cache = new Map()))
  const hit = cache.get(key)
  if (hit && hit.until > now) return hit.key
  const stored = await findKeyByHash(db, await hash(key))
  if (stored?.kind === 'publishable' && stored.revokedAt === null) {
    if (cache.size >= cacheSize) cache.clear()
    cache.set(key, { key: stored, until: now + cacheMs })
  } else {
    cache.delete(key)
  }
  return stored
}

/** Forgets cached publishable keys after a change to keys or apps. */
export function forgetCachedKeys(db: Database): void {
  publishableCache.get(db)?.clear()
}

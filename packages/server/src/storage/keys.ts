import type { BusinessCalendar, SlaPolicy } from '@triage/engine'
import { and, eq, isNull } from 'drizzle-orm'
import { apiKeys, apps } from '../db/schema.ts'
import type { Database } from './database.ts'

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

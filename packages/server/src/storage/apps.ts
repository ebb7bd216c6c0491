import type { BusinessCalendar, SlaPolicy } from '@triage/engine'
import { and, eq, isNull } from 'drizzle-orm'
import { apiKeys, apps } from '../db/schema.ts'
import { newId } from '../ids.ts'
import type { KeyKind } from '../security/keys.ts'
import { hashKey } from '../security/keys.ts'
import type { Database } from '../db/database.ts'
import { forgetCachedKeys } from './keys.ts'

export interface NewApp {
  id?: string
  name: string
  allowedOrigins: string[]
}

export async function insertApp(db: Database, app: NewApp, now = Date.now()): Promise<string> {
  const id = app.id ?? newId('app', now)
  await db.insert(apps).values({ id, name: app.name, allowedOrigins: app.allowedOrigins, createdAt: now })
  return id
}

export async function findApp(db: Database, id: string) {
  const [row] = await db.select().from(apps).where(eq(apps.id, id)).limit(1)
  return row
}

export interface NewKey {
  appId: string
  kind: KeyKind
  role?: 'l1' | 'l2' | 'l3' | 'admin'
  name: string
  /** The key in clear; only its hash (and, for a publishable key, the key itself) is kept. */
  key: string
}

export async function insertKey(db: Database, key: NewKey, now = Date.now()): Promise<string> {
  const id = newId('key', now)
  await db.insert(apiKeys).values({
    id,
    appId: key.appId,
    kind: key.kind,
    role: key.kind === 'secret' ? (key.role ?? 'l1') : null,
    name: key.name,
    hash: await hashKey(key.key),
    display: key.kind === 'publishable' ? key.key : `${key.key.slice(0, 7)}…`,
    createdAt: now,
  })
  return id
}

export async function revokeKey(db: Database, id: string, now = Date.now()): Promise<void> {
  await db.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id))
  forgetCachedKeys(db)
}

export async function listApps(db: Database) {
  return db.select().from(apps).orderBy(apps.createdAt)
}

/** An app's keys without their hashes. */
export async function listKeys(db: Database, appId: string) {
  return db
    .select({
      id: apiKeys.id,
      kind: apiKeys.kind,
      role: apiKeys.role,
      name: apiKeys.name,
      display: apiKeys.display,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.appId, appId))
    .orderBy(apiKeys.createdAt)
}

export async function findKey(db: Database, id: string) {
  const [row] = await db.select({ id: apiKeys.id, appId: apiKeys.appId, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, id)).limit(1)
  return row
}

export async function updateApp(
  db: Database,
  id: string,
  changes: {
    name?: string | undefined
    allowedOrigins?: string[] | undefined
    slaPolicy?: SlaPolicy | undefined
    businessHours?: BusinessCalendar | null | undefined
    retentionDays?: number | null | undefined
  },
): Promise<void> {
  // drizzle leaves undefined fields out of the update.
  await db.update(apps).set(changes).where(eq(apps.id, id))
  forgetCachedKeys(db)
}

/**
 * The app's identity secret as stored (sealed where sealing is on), set to `candidate` the first
 * time an admin asks for it; concurrent askers agree on the first one written.
 */
export async function ensureIdentitySecret(db: Database, appId: string, candidate: string): Promise<string> {
  await db
    .update(apps)
    .set({ identitySecret: candidate })
    .where(and(eq(apps.id, appId), isNull(apps.identitySecret)))
  forgetCachedKeys(db)
  const [row] = await db.select({ secret: apps.identitySecret }).from(apps).where(eq(apps.id, appId))
  if (!row?.secret) throw new Error(`app ${appId} has no identity secret right after it was set`)
  return row.secret
}

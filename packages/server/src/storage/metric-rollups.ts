import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql } from 'drizzle-orm'
import { incidents, metricRollups, metricSync } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

export type RollupRow = typeof metricRollups.$inferSelect

/** Where a read of an app's tickets in creation order stands: the last ticket's `created_at` and id. */
export interface TicketPosition {
  createdAt: number
  id: string
}

/**
 * The columns metrics read, of an app's tickets created in [from, to), of some tiers (all when
 * undefined), in the order of the `(app_id, created_at, id)` index: after `after`, at most `limit`.
 */
export async function metricTickets(db: Database, appId: string, from: number, to: number, tiers?: string[], after?: TicketPosition, limit?: number) {
  const position = after ? or(gt(incidents.createdAt, after.createdAt), and(eq(incidents.createdAt, after.createdAt), gt(incidents.id, after.id))) : undefined
  const query = db
    .select({
      id: incidents.id,
      tier: incidents.tier,
      priority: incidents.priority,
      category: incidents.category,
      createdAt: incidents.createdAt,
      firstResponseAt: incidents.firstResponseAt,
      firstResponseDueAt: incidents.firstResponseDueAt,
      resolvedAt: incidents.resolvedAt,
      resolutionDueAt: incidents.resolutionDueAt,
    })
    .from(incidents)
    .where(
      and(
        eq(incidents.appId, appId),
        gte(incidents.createdAt, from),
        lt(incidents.createdAt, to),
        tiers ? inArray(incidents.tier, tiers as ('L1' | 'L2' | 'L3')[]) : undefined,
        position,
      ),
    )
    .orderBy(asc(incidents.createdAt), asc(incidents.id))
  return limit === undefined ? query : query.limit(limit)
}

/** Where a walk through an app's changes stands: the last change's `updated_at` and rowid. */
export interface ChangePosition {
  updatedAt: number
  rowid: number
}

/**
 * The creation times of an app's incidents changed at or after `since`, a page at a time in the
 * order of the `(app_id, updated_at)` index (rowid breaks ties, and is in that index).
 */
export async function changedSince(db: Database, appId: string, since: number, after: ChangePosition | undefined, limit: number) {
  const position = after
    ? or(gt(incidents.updatedAt, after.updatedAt), and(eq(incidents.updatedAt, after.updatedAt), gt(sql`${incidents}.rowid`, after.rowid)))
    : gte(incidents.updatedAt, since)
  return db
    .select({ createdAt: incidents.createdAt, updatedAt: incidents.updatedAt, rowid: sql<number>`${incidents}.rowid` })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), gte(incidents.updatedAt, since), position))
    .orderBy(asc(incidents.updatedAt), sql`${incidents}.rowid`)
    .limit(limit)
}

/** When the app's first ticket was created (through `(app_id, created_at)`), if it has any. */
export async function firstCreatedAt(db: Database, appId: string): Promise<number | undefined> {
  const [row] = await db.select({ at: incidents.createdAt }).from(incidents).where(eq(incidents.appId, appId)).orderBy(asc(incidents.createdAt)).limit(1)
  return row?.at
}

/** The app's latest change (through `(app_id, updated_at)`), if it has any ticket. */
export async function lastUpdatedAt(db: Database, appId: string): Promise<number | undefined> {
  const [row] = await db.select({ at: incidents.updatedAt }).from(incidents).where(eq(incidents.appId, appId)).orderBy(desc(incidents.updatedAt)).limit(1)
  return row?.at
}

/** Which rollups of some periods exist, and when each was made: cheap, to read the data only when needed. */
export async function readRollupVersions(db: Database, appId: string, periods: string[]) {
  if (periods.length === 0) return []
  return db
    .select({ period: metricRollups.period, tier: metricRollups.tier, computedAt: metricRollups.computedAt })
    .from(metricRollups)
    .where(and(eq(metricRollups.appId, appId), inArray(metricRollups.period, periods)))
}

export async function readRollupData(db: Database, appId: string, periods: string[]): Promise<RollupRow[]> {
  if (periods.length === 0) return []
  return db
    .select()
    .from(metricRollups)
    .where(and(eq(metricRollups.appId, appId), inArray(metricRollups.period, periods)))
}

/** Replaces the rollups of some periods: the given rows, and none for a tier left out (no tickets). */
export async function replaceRollups(db: Database, appId: string, periods: string[], rows: RollupRow[]): Promise<void> {
  if (periods.length === 0) return
  const remove = db.delete(metricRollups).where(and(eq(metricRollups.appId, appId), inArray(metricRollups.period, periods)))
  const inserts = rows.map((row) => db.insert(metricRollups).values(row))
  await db.batch([remove, ...inserts])
}

export async function rollupsSyncedTo(db: Database, appId: string): Promise<number | undefined> {
  const [row] = await db.select({ syncedTo: metricSync.syncedTo }).from(metricSync).where(eq(metricSync.appId, appId))
  return row?.syncedTo
}

export async function setRollupsSyncedTo(db: Database, appId: string, syncedTo: number): Promise<void> {
  await db
    .insert(metricSync)
    .values({ appId, syncedTo })
    .onConflictDoUpdate({ target: metricSync.appId, set: { syncedTo: sql`max(${metricSync.syncedTo}, excluded.synced_to)` } })
}

import { and, asc, eq, getTableColumns, gt, gte, inArray, or, sql } from 'drizzle-orm'
import { incidentEvents, incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/** Where a read of changes stopped: the last row's `updated_at` and rowid (in the index, so ties keep an order). */
export interface FeedPosition {
  updatedAt: number
  rowid: number
}

/**
 * An app's incidents changed at or after `since` (ms), and after `after` when given, oldest
 * change first, at most `limit`: what a live stream sends next. One range of the
 * `(app_id, updated_at)` index (rowid, part of every SQLite index, breaks ties).
 */
export function changesSince(db: Database, appId: string, since: number, after: FeedPosition | undefined, limit: number) {
  const position = after ? or(gt(incidents.updatedAt, after.updatedAt), and(eq(incidents.updatedAt, after.updatedAt), gt(sql`${incidents}.rowid`, after.rowid))) : undefined
  return db
    .select({ ...getTableColumns(incidents), rowid: sql<number>`${incidents}.rowid`.mapWith(Number) })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), gte(incidents.updatedAt, since), position))
    .orderBy(asc(incidents.updatedAt), sql`${incidents}.rowid`)
    .limit(limit)
}

/** Of some incidents, those escalated at or after `since` from one of `fromTiers`: they just left those tiers' view. */
export async function escalatedFrom(db: Database, ids: string[], fromTiers: string[], since: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectDistinct({ id: incidentEvents.incidentId })
    .from(incidentEvents)
    .where(
      and(
        inArray(incidentEvents.incidentId, ids),
        eq(incidentEvents.type, 'escalated'),
        gte(incidentEvents.at, since),
        inArray(sql`${incidentEvents.data} ->> '$.from'`, fromTiers),
      ),
    )
  return new Set(rows.map((row) => row.id))
}

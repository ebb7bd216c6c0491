import { and, desc, eq, gt, lt, or, sql } from 'drizzle-orm'
import { incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/**
 * An app's incidents changed after `since` (ms), newest change first, a page at a time (`before`
 * continues after the last row of the previous page): what a search index must catch up on, read
 * through the `(app_id, updated_at)` index (rowid breaks ties and is in that index).
 */
export async function incidentsChangedSince(db: Database, appId: string, since: number, limit: number, before?: { updatedAt: number; rowid: number }) {
  const position = before ? or(lt(incidents.updatedAt, before.updatedAt), and(eq(incidents.updatedAt, before.updatedAt), lt(sql`${incidents}.rowid`, before.rowid))) : undefined
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      symptoms: incidents.symptoms,
      status: incidents.status,
      category: incidents.category,
      tier: incidents.tier,
      parentId: incidents.parentId,
      isMajor: incidents.isMajor,
      resolution: incidents.resolution,
      publicNote: incidents.publicNote,
      createdAt: incidents.createdAt,
      updatedAt: incidents.updatedAt,
      rowid: sql<number>`${incidents}.rowid`,
    })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), gt(incidents.updatedAt, since), position))
    .orderBy(desc(incidents.updatedAt), sql`${incidents}.rowid desc`)
    .limit(limit)
}

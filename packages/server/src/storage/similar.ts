import { and, desc, eq, gt } from 'drizzle-orm'
import { incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/**
 * An app's incidents changed after `since` (ms), oldest change first: what a search index must catch
 * up on. At most the `limit` latest changes, read newest first through the `(app_id, updated_at)` index.
 */
export async function incidentsChangedSince(db: Database, appId: string, since: number, limit: number) {
  const rows = await db
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
      erasedAt: incidents.erasedAt,
      createdAt: incidents.createdAt,
      updatedAt: incidents.updatedAt,
    })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), gt(incidents.updatedAt, since)))
    .orderBy(desc(incidents.updatedAt))
    .limit(limit)
  return rows.reverse()
}

import { and, asc, eq, gt } from 'drizzle-orm'
import { incidents } from '../db/schema.ts'
import type { Database } from './database.ts'

/** An app's incidents changed after `since` (ms), oldest change first: what a search index must catch up on. */
export async function incidentsChangedSince(db: Database, appId: string, since: number) {
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      symptoms: incidents.symptoms,
      status: incidents.status,
      category: incidents.category,
      parentId: incidents.parentId,
      isMajor: incidents.isMajor,
      resolution: incidents.resolution,
      publicNote: incidents.publicNote,
      createdAt: incidents.createdAt,
      updatedAt: incidents.updatedAt,
    })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), gt(incidents.updatedAt, since)))
    .orderBy(asc(incidents.updatedAt))
}

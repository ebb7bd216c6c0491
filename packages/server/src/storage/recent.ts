import { and, eq, notInArray } from 'drizzle-orm'
import { incidents } from '../db/schema.ts'
import type { Database } from './database.ts'

/** The open reports grouped under a major incident. */
export async function openChildren(db: Database, parentId: string) {
  return db
    .select({ id: incidents.id, appId: incidents.appId })
    .from(incidents)
    .where(and(eq(incidents.parentId, parentId), notInArray(incidents.status, ['resolved', 'closed'])))
}

import { and, eq, gte, notInArray } from 'drizzle-orm'
import { incidents } from '../db/schema.ts'
import type { Database } from './database.ts'

/** An app's open incidents of one category created since `since`, newest first: candidates to group. */
export async function recentOpenIncidents(db: Database, appId: string, category: string, since: number, limit = 200) {
  return db
    .select({ id: incidents.id, symptoms: incidents.symptoms, createdAt: incidents.createdAt, category: incidents.category, parentId: incidents.parentId, isMajor: incidents.isMajor })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), eq(incidents.category, category), gte(incidents.createdAt, since), notInArray(incidents.status, ['resolved', 'closed'])))
    .orderBy(incidents.createdAt)
    .limit(limit)
}

/** The open reports grouped under a major incident. */
export async function openChildren(db: Database, parentId: string) {
  return db
    .select({ id: incidents.id, appId: incidents.appId })
    .from(incidents)
    .where(and(eq(incidents.parentId, parentId), notInArray(incidents.status, ['resolved', 'closed'])))
}

import { and, count, desc, eq, sql } from 'drizzle-orm'
import { incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/**
 * An app's open major incidents, newest first: the widget's notices. The condition is the partial
 * index's own (`incidents_app_open_major`), so the read touches only open majors, however many
 * other tickets the app has open. Answers the query (awaited: the rows), so a test can read its plan.
 */
export function listOpenMajors(db: Database, appId: string, limit: number) {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.appId, appId), sql`${incidents.isMajor} = 1 and ${incidents.status} in ('new', 'in_progress', 'pending_reporter')`))
    .orderBy(desc(incidents.createdAt))
    .limit(limit)
}

/** How many reports are grouped under a major incident ("me too"s included; a major incident merged into it is no report). */
export async function countChildren(db: Database, parentId: string): Promise<number> {
  const [row] = await db
    .select({ children: count() })
    .from(incidents)
    .where(and(eq(incidents.parentId, parentId), eq(incidents.isMajor, false)))
  return row?.children ?? 0
}

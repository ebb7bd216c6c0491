import { eq, sql } from 'drizzle-orm'
import { groupingStates } from '../db/schema.ts'
import type { Database } from './database.ts'

/** When the app's grouping lessons last changed (ms), or undefined when its agents taught none. */
export async function groupingStateVersion(db: Database, appId: string): Promise<number | undefined> {
  const [row] = await db.select({ updatedAt: groupingStates.updatedAt }).from(groupingStates).where(eq(groupingStates.appId, appId))
  return row?.updatedAt
}

export async function loadGroupingState(db: Database, appId: string) {
  const [row] = await db.select().from(groupingStates).where(eq(groupingStates.appId, appId))
  return row
}

export async function saveGroupingState(db: Database, appId: string, state: string, now: number): Promise<void> {
  await db
    .insert(groupingStates)
    .values({ appId, state, corrections: 1, updatedAt: now })
    .onConflictDoUpdate({ target: groupingStates.appId, set: { state, corrections: sql`${groupingStates.corrections} + 1`, updatedAt: now } })
}

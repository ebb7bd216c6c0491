import { eq, sql } from 'drizzle-orm'
import type { classifierStates, groupingStates } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/** A per-app state table: one JSON document per app, what its agents' corrections taught (the classifier's, grouping's). */
export type AppStateTable = typeof classifierStates | typeof groupingStates

/** When the app's state last changed (ms), or undefined when it has none. */
export async function appStateVersion(db: Database, table: AppStateTable, appId: string): Promise<number | undefined> {
  const [row] = await db.select({ updatedAt: table.updatedAt }).from(table).where(eq(table.appId, appId))
  return row?.updatedAt
}

export async function loadAppState(db: Database, table: AppStateTable, appId: string): Promise<{ state: string; corrections: number; updatedAt: number } | undefined> {
  const [row] = await db.select({ state: table.state, corrections: table.corrections, updatedAt: table.updatedAt }).from(table).where(eq(table.appId, appId))
  return row
}

/** Saves the app's state and counts one more correction. */
export async function saveAppState(db: Database, table: AppStateTable, appId: string, state: string, now: number): Promise<void> {
  await db
    .insert(table)
    .values({ appId, state, corrections: 1, updatedAt: now })
    .onConflictDoUpdate({ target: table.appId, set: { state, corrections: sql`${table.corrections} + 1`, updatedAt: now } })
}

/** Replaces the app's state without counting a correction (what an erasure leaves of it). */
export async function replaceAppState(db: Database, table: AppStateTable, appId: string, state: string, now: number): Promise<void> {
  await db.update(table).set({ state, updatedAt: now }).where(eq(table.appId, appId))
}

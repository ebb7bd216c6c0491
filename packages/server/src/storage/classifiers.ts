import { eq, sql } from 'drizzle-orm'
import { classifierStates } from '../db/schema.ts'
import type { Database } from './database.ts'

export async function classifierVersion(db: Database, appId: string): Promise<number | undefined> {
  const [row] = await db.select({ updatedAt: classifierStates.updatedAt }).from(classifierStates).where(eq(classifierStates.appId, appId))
  return row?.updatedAt
}

export async function loadClassifierState(db: Database, appId: string) {
  const [row] = await db.select().from(classifierStates).where(eq(classifierStates.appId, appId))
  return row
}

export async function saveClassifierState(db: Database, appId: string, state: string, now: number): Promise<void> {
  await db
    .insert(classifierStates)
    .values({ appId, state, corrections: 1, updatedAt: now })
    .onConflictDoUpdate({ target: classifierStates.appId, set: { state, corrections: sql`${classifierStates.corrections} + 1`, updatedAt: now } })
}

import { inArray, lt, sql } from 'drizzle-orm'
import { signInFailures } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

export type FailureCount = typeof signInFailures.$inferSelect

/** The current counts of some keys (a key with no row has no failure). */
export async function readFailures(db: Database, keys: string[]): Promise<FailureCount[]> {
  return db.select().from(signInFailures).where(inArray(signInFailures.key, keys))
}

/**
 * Counts one failure for each key, in one statement per key that SQLite (and D1) run atomically:
 * a key whose window is over starts a new one at 1. Concurrent failures from many processes all count.
 * @returns each key's count and window start after this failure
 */
export async function addFailures(db: Database, keys: string[], now: number, windowMs: number): Promise<FailureCount[]> {
  const over = sql`${signInFailures.windowStartedAt} <= ${now - windowMs}`
  const statements = keys.map((key) =>
    db
      .insert(signInFailures)
      .values({ key, count: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: signInFailures.key,
        // Every right-hand side reads the row as it was before this update.
        set: {
          count: sql`case when ${over} then 1 else ${signInFailures.count} + 1 end`,
          windowStartedAt: sql`case when ${over} then ${now} else ${signInFailures.windowStartedAt} end`,
        },
      })
      .returning(),
  )
  const [first, ...rest] = statements
  if (!first) return []
  const results = await db.batch([first, ...rest])
  return results.flat()
}

export async function clearFailures(db: Database, keys: string[]): Promise<void> {
  await db.delete(signInFailures).where(inArray(signInFailures.key, keys))
}

/** Forgets windows that ended before `before`: they no longer hold anyone back. */
export async function deleteStaleFailures(db: Database, before: number): Promise<void> {
  await db.delete(signInFailures).where(lt(signInFailures.windowStartedAt, before))
}

import type { SQLWrapper } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import type { Database } from '../src/db/database.ts'

/** SQLite's plan for a query, one line per step: what the query-plan tests hold to an index. */
export async function planOf(db: Database, query: SQLWrapper): Promise<string> {
  const rows = await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query.getSQL()}`)
  return rows.map((row) => row.detail).join('\n')
}

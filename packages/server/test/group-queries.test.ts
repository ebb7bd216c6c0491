import type { SQLWrapper } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { groupSpanQuery, latestGroupMembers } from '../src/storage/groups.ts'
import type { TestServer } from './harness.ts'
import { startTestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

/** SQLite's plan for a query, one line per step. */
async function planOf(query: SQLWrapper): Promise<string> {
  const rows = await server.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query.getSQL()}`)
  return rows.map((row) => row.detail).join('\n')
}

it('reads a major incident’s reports through its (parent_id, created_at) index, newest first without sorting them all', async () => {
  const latest = await planOf(latestGroupMembers(server.db, 'app_demo', 'inc_major', ['L1', 'L2'], 200))
  expect(latest).toMatch(/USING INDEX incidents_parent/)
  expect(latest).not.toMatch(/TEMP B-TREE/)
  const span = await planOf(groupSpanQuery(server.db, 'app_demo', 'inc_major', ['L1']))
  expect(span).toMatch(/USING INDEX incidents_parent/)
})

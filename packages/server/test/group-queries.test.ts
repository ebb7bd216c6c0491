import type { SQLWrapper } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { groupSpanQuery, latestGroupMembers } from '../src/storage/groups.ts'
import type { TestServer } from './harness.ts'
import { startTestServer } from './harness.ts'
import { planOf as planOfQuery } from './query-plan.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

/** SQLite's plan for a query of the test server's database. */
const planOf = (query: SQLWrapper) => planOfQuery(server.db, query)

it('reads a major incident’s reports through its (parent_id, created_at) index, newest first without sorting them all', async () => {
  const latest = await planOf(latestGroupMembers(server.db, 'app_demo', 'inc_major', ['L1', 'L2'], 200))
  expect(latest).toMatch(/USING INDEX incidents_parent/)
  expect(latest).not.toMatch(/TEMP B-TREE/)
  const span = await planOf(groupSpanQuery(server.db, 'app_demo', 'inc_major', ['L1']))
  expect(span).toMatch(/USING INDEX incidents_parent/)
})

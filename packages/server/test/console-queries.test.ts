/**
 * The console's reads stay index-bounded however long the history (#18): SQLite's plan for each,
 * checked here because it is deterministic (the timings are in bench/).
 */
import type { SQLWrapper } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { agentCategorized } from '../src/storage/classifier-review.ts'
import { deflectionsByDayQuery } from '../src/storage/deflections.ts'
import { changesSince } from '../src/storage/incident-feed.ts'
import { listIncidentsQuery } from '../src/storage/incidents.ts'
import { viewFilters } from '../src/incidents/queue-views.ts'
import { appPresenceQuery } from '../src/storage/presence.ts'
import { openViewCounts, resolvedCount } from '../src/storage/queue-counts.ts'
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

const tiers = ['L1', 'L2'] as ('L1' | 'L2' | 'L3')[]

it('counts the views from the open tickets only (a seek per open status), and the resolved ones from their index alone', async () => {
  expect(await planOf(openViewCounts(server.db, 'app_demo', tiers, 'agt_me', Date.now()))).toMatch(
    /^SEARCH incidents USING INDEX incidents_open_backlog \(app_id=\? AND status=\?\)$/,
  )
  expect(await planOf(resolvedCount(server.db, 'app_demo', tiers))).toMatch(/^SEARCH incidents USING COVERING INDEX incidents_resolved_tier \(app_id=\? AND tier=\?\)$/)
})

it('fills a page of a queue view from the open tickets (or the resolved ones), newest first, without sorting them', async () => {
  const indexOf = {
    mine: 'incidents_open_created',
    unassigned: 'incidents_open_created',
    major: 'incidents_open_created',
    at_risk: 'incidents_open_created',
    breached: 'incidents_open_created',
    // One open status: its own tickets, not every open one.
    waiting: 'incidents_app_status',
    resolved: 'incidents_app_status',
  }
  for (const [view, index] of Object.entries(indexOf) as [keyof typeof indexOf, string][]) {
    const { statuses: _statuses, ...filters } = viewFilters(view, 'agt_me')
    const query = { filters: { ...filters, tiers }, sort: '-created' as const, limit: 51, now: Date.now() }
    const plan = await planOf(listIncidentsQuery(server.db, 'app_demo', query))
    expect(plan, view).toMatch(new RegExp(`^SEARCH incidents USING INDEX ${index} \\(app_id=\\?`))
    expect(plan, view).not.toMatch(/TEMP B-TREE/)
  }
})

it('reads the live feed as one range of (app_id, updated_at), in its order', async () => {
  const plan = await planOf(changesSince(server.db, 'app_demo', 0, { updatedAt: 1, rowid: 1 }, 200))
  expect(plan).toMatch(/^SEARCH incidents USING INDEX incidents_app_updated \(app_id=\? AND updated_at>\?\)$/)
  expect(plan).not.toMatch(/TEMP B-TREE/)
})

it('reads presence from the recent heartbeats of the app, each ticket by its key', async () => {
  const plan = await planOf(appPresenceQuery(server.db, 'app_demo', tiers, 0))
  expect(plan).toMatch(/SEARCH agent_presence USING INDEX agent_presence_app_seen \(app_id=\? AND seen_at>\?\)/)
  expect(plan).toMatch(/SEARCH incidents USING INDEX sqlite_autoindex_incidents_1 \(id=\?\)/)
})

it("reads the dashboard's deflections and agents' corrections by their own indexes", async () => {
  expect(await planOf(deflectionsByDayQuery(server.db, 'app_demo', 0, 1, tiers))).toMatch(
    /^SEARCH deflections USING INDEX deflections_app_created \(app_id=\? AND created_at>\? AND created_at<\?\)/,
  )
  expect(await planOf(agentCategorized(server.db, 'app_demo', 0, 1, tiers))).toMatch(
    /^SEARCH incidents USING INDEX incidents_app_agent_category \(app_id=\? AND tier=\? AND created_at>\? AND created_at<\?\)$/,
  )
})

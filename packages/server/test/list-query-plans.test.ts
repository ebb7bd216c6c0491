/**
 * Every query of the agents' read mix is an index seek: no full scan of `incidents` or
 * `incident_events`, and no sorting of their rows in a temporary B-tree, whatever the filters,
 * sort, search or page. A plan that scans grows with the history (years of tickets), so this test
 * is what keeps a read at milliseconds on a million incidents (see `npm run bench:scale`).
 *
 * The statements are the real ones: storage functions run against a recording database, then
 * SQLite explains each one on a migrated database. Plans without statistics (no ANALYZE) are
 * what a new server uses, and they are deterministic.
 */
import { drizzle } from 'drizzle-orm/sqlite-proxy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { schema } from '../src/db/schema.ts'
import type { Database } from '../src/db/database.ts'
import type { ListQuery } from '../src/storage/incidents.ts'
import { findIncident, listEvents, listIncidentsQuery } from '../src/storage/incidents.ts'
import { changedSince, firstCreatedAt, lastUpdatedAt, metricTickets, readRollupVersions } from '../src/storage/metric-rollups.ts'
import { backlogCounts } from '../src/storage/metrics.ts'
import { listOpenMajors } from '../src/storage/notices.ts'
import { incidentsChangedSince } from '../src/storage/similar.ts'
import { attachmentTotals, findAttachment, findAttachmentByKey, listAttachments } from '../src/storage/attachments.ts'
import { leasedBlobs } from '../src/storage/blob-leases.ts'
import { databaseBlobs } from '../src/storage/blobs-sql.ts'
import { listAuditEntries } from '../src/storage/audit.ts'
import { closedBefore, incidentsLeftToErase, majorsOf, reporterIncidentIds, reporterIncidents, unfinishedErasureJobs } from '../src/storage/erasure.ts'
import type { TestServer } from './harness.ts'
import { startTestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

interface Statement {
  sql: string
  params: unknown[]
}

/** The statements a storage call sends, recorded instead of run. */
async function statementsOf(call: (db: Database) => Promise<unknown>): Promise<Statement[]> {
  const recorded: Statement[] = []
  const recorder = drizzle(
    async (sql, params) => {
      recorded.push({ sql, params })
      return { rows: [] }
    },
    { schema },
  ) as unknown as Database
  await call(recorder)
  return recorded
}

/** SQLite's plan of a statement on the test server's migrated database, one line per step. */
async function planOf({ sql, params }: Statement): Promise<string[]> {
  const client = (server.db as unknown as { $client: { execute: (query: { sql: string; args: unknown[] }) => Promise<{ rows: { detail: unknown }[] }> } }).$client
  const { rows } = await client.execute({ sql: `explain query plan ${sql}`, args: params })
  return rows.map((row) => String(row.detail))
}

/** What a plan must never do on the history tables. */
function problemsOf(plan: string[]): string[] {
  return plan.filter((step) => /\bSCAN (incidents|incident_events)\b(?! VIRTUAL)|\bSCAN [a-z]+$/.test(step) || /TEMP B-TREE FOR (RIGHT PART OF |LAST TERM OF )?ORDER BY/.test(step))
}

const now = Date.parse('2026-12-04T12:00:00Z')
const all = ['L1', 'L2', 'L3'] as ListQuery['filters']['tiers']
const page = (filters: Partial<ListQuery['filters']>, sort: ListQuery['sort'] = '-created', after?: ListQuery['after']): ListQuery => ({
  filters: { tiers: all, ...filters },
  sort,
  ...(after ? { after } : {}),
  limit: 51,
  now,
})

const listQueries: Record<string, ListQuery> = {
  'the default queue': page({}),
  'status=new': page({ status: 'new' }),
  'status=closed': page({ status: 'closed' }),
  'kind=request': page({ kind: 'request' }),
  'category=billing': page({ category: 'billing' }),
  'priority=P1': page({ priority: 'P1' }),
  'tier=L2 (an admin)': page({ tiers: ['L2'] }),
  'an l1 key': page({ tiers: ['L1'] }),
  'an l2 key': page({ tiers: ['L1', 'L2'] }),
  'assignee=ada': page({ assignee: 'ada' }),
  'from/to': page({ from: now - 7 * 86_400_000, to: now }),
  'status=in_progress priority=P3 an l1 key': page({ status: 'in_progress', priority: 'P3', tiers: ['L1'] }),
  'category=security status=new': page({ category: 'security', status: 'new' }),
  'category=security status=closed': page({ category: 'security', status: 'closed' }),
  'assignee=ada category=access kind=incident': page({ assignee: 'ada', category: 'access', kind: 'incident' }),
  'sort=priority': page({}, 'priority'),
  'sort=due': page({}, 'due'),
  'sort=created': page({}, 'created'),
  'status=new sort=priority an l1 key (the README queue)': page({ status: 'new', tiers: ['L1'] }, 'priority'),
  'status=pending_reporter sort=due': page({ status: 'pending_reporter' }, 'due'),
  'q common': page({ q: 'password' }),
  'q with a filter and an l2 key': page({ q: 'printer toner', status: 'closed', tiers: ['L1', 'L2'] }),
  'q sort=created': page({ q: 'vpn' }, 'created'),
  'sla=at_risk': page({ sla: 'at_risk' }),
  'sla=breached an l1 key': page({ sla: 'breached', tiers: ['L1'] }),
  'sla=breached sort=priority': page({ sla: 'breached' }, 'priority'),
  'page 50 (after a key)': page({}, '-created', [now - 3_600_000, 'inc_x']),
  'page 50 of status=closed': page({ status: 'closed' }, '-created', [now - 3_600_000, 'inc_x']),
  'page 50 of sort=priority': page({}, 'priority', ['P3', now - 3_600_000, 'inc_x']),
  'page 50 of sort=due': page({}, 'due', [now, 'inc_x']),
  'page 50 of a search': page({ q: 'password' }, '-created', [123_456]),
}

describe('the agents list', () => {
  for (const [name, query] of Object.entries(listQueries)) {
    it(`${name}: an index seek, no scan and no sort`, async () => {
      const { sql, params } = listIncidentsQuery(server.db, 'app_demo', query).toSQL()
      const plan = await planOf({ sql, params })
      expect(problemsOf(plan), `${name}\n${sql}\n${plan.join('\n')}`).toEqual([])
    })
  }
})

it('a given open status seeks its own tickets, in every sort: never a walk through every open ticket', async () => {
  // Walking the open tickets until 51 had the status (or none had a rare category as well) read
  // every open ticket's row: 9-12 ms at 1M incidents with 3,943 open, 40 ms on a busy machine.
  for (const status of ['new', 'in_progress', 'pending_reporter'] as const) {
    for (const sort of ['-created', 'created', 'priority', 'due'] as const) {
      for (const filters of [{ status }, { status, category: 'performance' }, { status, tiers: ['L1'] as ListQuery['filters']['tiers'] }]) {
        const { sql, params } = listIncidentsQuery(server.db, 'app_demo', page(filters, sort)).toSQL()
        const plan = await planOf({ sql, params })
        expect(plan.join('\n'), `${status} ${sort} ${JSON.stringify(filters)}`).toMatch(/^SEARCH incidents USING (COVERING )?INDEX \w+ \(app_id=\? AND status=\?/)
        expect(problemsOf(plan)).toEqual([])
      }
    }
  }
})

describe('the other reads agents and the widget make', () => {
  const reads: Record<string, (db: Database) => Promise<unknown>> = {
    'the enriched ticket': (db) => findIncident(db, 'app_demo', 'inc_x'),
    "the ticket's timeline": (db) => listEvents(db, 'inc_x'),
    "the reporter's public timeline": (db) => listEvents(db, 'inc_x', 'public'),
    'metrics: tickets of a partial day': (db) => metricTickets(db, 'app_demo', now - 3_600_000, now, ['L1']),
    'metrics: what changed since the last catch-up': (db) => changedSince(db, 'app_demo', now - 60_000, { updatedAt: now - 30_000, rowid: 5 }, 5_000),
    "metrics: the app's first ticket and latest change": async (db) => [await firstCreatedAt(db, 'app_demo'), await lastUpdatedAt(db, 'app_demo')],
    'metrics: the stored rollups': (db) => readRollupVersions(db, 'app_demo', ['m:2026-11', 'd:20425']),
    'metrics: the open backlog': (db) => backlogCounts(db, 'app_demo', ['L1', 'L2']),
    "the widget's notices": (db) => listOpenMajors(db, 'app_demo', 5),
    'the similar-incident index catching up': (db) => incidentsChangedSince(db, 'app_demo', now - 60_000, 20_000),
    "an incident's attachments": (db) => listAttachments(db, 'inc_x'),
    'one attachment to download': (db) => findAttachment(db, 'inc_x', 'att_x'),
    "an upload's idempotency key": (db) => findAttachmentByKey(db, 'inc_x', 'key-1'),
    "a report's and its app's attachment totals": (db) => attachmentTotals(db, 'app_demo', 'inc_x'),
    'collecting attachment bytes nothing points to': (db) => leasedBlobs(db, databaseBlobs(db)).collect(),
  }
  for (const [name, read] of Object.entries(reads)) {
    it(`${name}: an index seek, no scan and no sort`, async () => {
      const statements = await statementsOf(read)
      expect(statements.length).toBeGreaterThan(0)
      for (const statement of statements) {
        const plan = await planOf(statement)
        expect(problemsOf(plan), `${name}\n${statement.sql}\n${plan.join('\n')}`).toEqual([])
      }
    })
  }
})

it('metrics count the open backlog from an index alone, whatever the history: no ticket row is read', async () => {
  // Open tickets are a few thousand at most; read row by row for their tier, they cost 11 ms on
  // every metrics call at 1M incidents (bench:scale).
  for (const tiers of [['L1', 'L2', 'L3'], ['L1']] as const) {
    const [statement] = await statementsOf((db) => backlogCounts(db, 'app_demo', [...tiers]))
    const plan = await planOf(statement as Statement)
    const reads = plan.filter((step) => /\b(SEARCH|SCAN) incidents\b/.test(step))
    expect(reads.length, plan.join('\n')).toBeGreaterThan(0)
    for (const step of reads) expect(step, plan.join('\n')).toMatch(/USING COVERING INDEX/)
  }
})

it("metrics learn which rollups exist from an index alone, never reading a rollup's durations", async () => {
  // `computed_at` comes after the durations in the row, and a year's month rollups hold megabytes
  // of them: reading it from the row walked every overflow page, on every metrics call (1M
  // incidents: a year's metrics during intake p50 238 ms).
  const [statement] = await statementsOf((db) => readRollupVersions(db, 'app_demo', ['m:2026-11', 'd:20425']))
  const plan = await planOf(statement as Statement)
  expect(plan.join('\n')).toMatch(/^SEARCH metric_rollups USING COVERING INDEX/)
})

describe('the privacy reads (#19): exports, erasures, retention, the audit trail', () => {
  const reads: Record<string, (db: Database) => Promise<unknown>> = {
    "a person's export by e-mail, a page": (db) => reporterIncidents(db, 'app_demo', { email: 'Ada@Example.com' }, [now, 'inc_x'], 101),
    "a person's export by verified user id": (db) => reporterIncidents(db, 'app_demo', { userId: 'u-1' }, undefined, 101),
    "a person's incidents to erase": (db) => reporterIncidentIds(db, 'app_demo', { email: 'ada@example.com' }),
    'what an erasure has left to do': (db) => incidentsLeftToErase(db, ['inc_x', 'inc_y']),
    'the major incidents that quote a report': (db) => majorsOf(db, ['inc_x', 'inc_y']),
    'erasures cut short': (db) => unfinishedErasureJobs(db, 10, 'app_demo'),
    'closed incidents past retention': (db) => closedBefore(db, 'app_demo', now - 30 * 86_400_000, 500),
    'the audit trail, a page': (db) => listAuditEntries(db, 'app_demo', {}, [now, 7], 51),
    'the audit trail of one actor, from/to': (db) => listAuditEntries(db, 'app_demo', { actor: 'Sam', from: now - 86_400_000, to: now }, undefined, 51),
    'the audit trail of one incident and actor': (db) => listAuditEntries(db, 'app_demo', { incidentId: 'inc_x', actor: 'Sam' }, undefined, 51),
  }
  for (const [name, read] of Object.entries(reads)) {
    it(`${name}: an index seek, no scan and no sort`, async () => {
      const statements = await statementsOf(read)
      expect(statements.length).toBeGreaterThan(0)
      for (const statement of statements) {
        const plan = await planOf(statement)
        expect(problemsOf(plan), `${name}\n${statement.sql}\n${plan.join('\n')}`).toEqual([])
      }
    })
  }
})

it('the check itself catches a full scan and a sort (a plan of the history with neither index nor order)', async () => {
  const plan = await planOf({ sql: 'select * from incidents where symptoms like ? order by public_note', params: ['%x%'] })
  expect(problemsOf(plan).length).toBe(2)
})

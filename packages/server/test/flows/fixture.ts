import { hashPassword } from '../../src/agents/passwords.ts'
import { insertAgent, updateAgent } from '../../src/storage/agents.ts'
import { triage } from '@triage/engine'
import { newId } from '../../src/ids.ts'
import { firstEvents, newIncident } from '../../src/reports/new-incident.ts'
import { insertIncidentsOnce } from '../../src/storage/incidents.ts'
import { generateKey } from '../../src/security/keys.ts'
import { insertKey } from '../../src/storage/apps.ts'
import type { Database } from '../../src/db/database.ts'
import { insertAppWithKeys, insertReportedIncident } from '../harness.ts'

export interface FlowApp {
  appId: string
  publishableKey: string
  /** An `admin` secret key of this app. */
  secretKey: string
}

/**
 * One app per group of flows: each counts its own incident numbers from 1 and has its own
 * rate-limit budget, so the groups cannot disturb each other's assertions.
 */
export const flowApps = ['core', 'firstBurst', 'bigBurst', 'retries', 'sweep', 'limits', 'bodies', 'attachments', 'people', 'privacy'] as const
export type FlowAppName = (typeof flowApps)[number]

export interface FlowFixture {
  apps: Record<FlowAppName, FlowApp>
  /** In the `sweep` app: reported 30 days ago, its first-response and resolution targets long passed. */
  overdueId: string
  /** An `l1` secret key of the `attachments` app: it sees L1 incidents only. */
  attachmentsL1Key: string
  /** In the `people` app: an l2 agent who signs in with this e-mail and password. */
  agent: { email: string; password: string; name: string }
  /** In the `privacy` app: closed 40 days ago (past a 30-day retention) and 5 days ago (not). */
  closedLongAgoId: string
  closedRecentlyId: string
}

/** Words of the `privacy` app's closed incidents: retention must take the first's away, not the second's. */
export const retainedWords = { longAgo: 'Brambleton', recently: 'Fennimore' }

/** An incident of `who`'s, closed at `closedAt`, written straight into storage. */
async function insertClosedIncident(db: Database, appId: string, who: string, closedAt: number): Promise<string> {
  const symptoms = `${who}'s payroll run fails with a timeout`
  const reasoning = triage({ symptoms, createdAt: closedAt - 3_600_000 })
  const incident = newIncident({
    id: newId('inc', closedAt),
    appId,
    idempotencyKey: null,
    requestHash: 'inserted by the flows fixture',
    reasoning,
    symptoms,
    answers: {},
    context: { url: 'https://shop.example/payroll' },
    contact: { name: `${who} Clerk`, email: `${who.toLowerCase()}@example.com` },
    sla: { policy: null, calendar: null },
    now: closedAt - 3_600_000,
  })
  const closed = { ...incident, status: 'closed' as const, resolvedAt: closedAt - 60_000, closedAt, resolution: 'Re-ran the payroll job', updatedAt: closedAt }
  await insertIncidentsOnce(db, [{ incident: closed, events: firstEvents(reasoning, closedAt - 3_600_000, { status: 'new' }) }])
  return incident.id
}

/**
 * What the shared HTTP flows start from, written through the server's own storage functions: on
 * Node into the server's libSQL file, for Workers into a recording handle that turns it into SQL
 * for `wrangler d1 execute` (see ../workers/seed-sql.ts).
 */
export async function seedFlowFixture(db: Database, now = Date.now()): Promise<FlowFixture> {
  const apps = {} as Record<FlowAppName, FlowApp>
  for (const name of flowApps) {
    const { appId, publishableKey, secretKey } = await insertAppWithKeys(db, `Flows: ${name}`, [], now)
    apps[name] = { appId, publishableKey, secretKey }
  }

  const overdueId = await insertReportedIncident(db, apps.sweep.appId, 'The invoice export page shows an empty table since yesterday', now - 30 * 24 * 3_600_000)
  const attachmentsL1Key = generateKey('secret')
  await insertKey(db, { appId: apps.attachments.appId, kind: 'secret', role: 'l1', name: 'Flows: attachments L1', key: attachmentsL1Key }, now)
  const agent = { email: 'ada@flows.example', password: 'correct horse battery staple', name: 'Ada' }
  const row = await insertAgent(db, { appId: apps.people.appId, email: agent.email, name: agent.name, role: 'l2' }, now)
  await updateAgent(db, row.id, { passwordHash: await hashPassword(agent.password) })
  const day = 24 * 3_600_000
  const closedLongAgoId = await insertClosedIncident(db, apps.privacy.appId, retainedWords.longAgo, now - 40 * day)
  const closedRecentlyId = await insertClosedIncident(db, apps.privacy.appId, retainedWords.recently, now - 5 * day)
  return { apps, overdueId, attachmentsL1Key, agent, closedLongAgoId, closedRecentlyId }
}

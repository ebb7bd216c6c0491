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
export const flowApps = ['core', 'firstBurst', 'bigBurst', 'retries', 'sweep', 'limits', 'bodies', 'attachments'] as const
export type FlowAppName = (typeof flowApps)[number]

export interface FlowFixture {
  apps: Record<FlowAppName, FlowApp>
  /** In the `sweep` app: reported 30 days ago, its first-response and resolution targets long passed. */
  overdueId: string
  /** An `l1` secret key of the `attachments` app: it sees L1 incidents only. */
  attachmentsL1Key: string
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
  return { apps, overdueId, attachmentsL1Key }
}

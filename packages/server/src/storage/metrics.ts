import { and, count, eq, inArray } from 'drizzle-orm'
import type { Tier } from '@triage/protocol'
import { incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/** Open tickets of an app's tiers by status and tier. */
export async function backlogCounts(db: Database, appId: string, tiers: Tier[]) {
  return db
    .select({ status: incidents.status, tier: incidents.tier, count: count() })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), inArray(incidents.tier, tiers), inArray(incidents.status, ['new', 'in_progress', 'pending_reporter'])))
    .groupBy(incidents.status, incidents.tier)
}

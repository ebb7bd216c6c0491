import { and, count, eq, inArray } from 'drizzle-orm'
import type { Tier } from '@triage/protocol'
import { incidents, openStatuses } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/** Open tickets of an app's tiers by status and tier, from the `incidents_open_backlog` index alone. */
export async function backlogCounts(db: Database, appId: string, tiers: Tier[]) {
  return db
    .select({ status: incidents.status, tier: incidents.tier, count: count() })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), inArray(incidents.tier, tiers), openStatuses(incidents.status)))
    .groupBy(incidents.status, incidents.tier)
}

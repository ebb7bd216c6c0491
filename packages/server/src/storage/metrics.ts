import { and, count, eq, gte, inArray, lt } from 'drizzle-orm'
import { incidents } from '../db/schema.ts'
import type { Tier } from '@triage/protocol'
import type { Database } from './database.ts'

/** The few columns metrics need, for an app's tickets of some tiers created in [from, to). */
export async function metricRows(db: Database, appId: string, tiers: Tier[], from: number, to: number) {
  return db
    .select({
      priority: incidents.priority,
      category: incidents.category,
      tier: incidents.tier,
      createdAt: incidents.createdAt,
      firstResponseAt: incidents.firstResponseAt,
      firstResponseDueAt: incidents.firstResponseDueAt,
      resolvedAt: incidents.resolvedAt,
      resolutionDueAt: incidents.resolutionDueAt,
    })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), inArray(incidents.tier, tiers), gte(incidents.createdAt, from), lt(incidents.createdAt, to)))
}

export type MetricRow = Awaited<ReturnType<typeof metricRows>>[number]

/** Open tickets of an app's tiers by status and tier. */
export async function backlogCounts(db: Database, appId: string, tiers: Tier[]) {
  return db
    .select({ status: incidents.status, tier: incidents.tier, count: count() })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), inArray(incidents.tier, tiers), inArray(incidents.status, ['new', 'in_progress', 'pending_reporter'])))
    .groupBy(incidents.status, incidents.tier)
}

import { and, count, eq, inArray, sql } from 'drizzle-orm'
import type { IncidentCounts, Tier } from '@triage/protocol'
import { incidents, openStatuses } from '../db/schema.ts'
import type { Database } from '../db/database.ts'
import { atRisk, breached } from './incidents.ts'

const countOf = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number)
const tierIn = (tiers: Tier[]) =>
  sql.join(
    tiers.map((tier) => sql`${tier}`),
    sql`, `,
  )

/**
 * The open views' counts: one read of the open tickets only (a few of a long history), a seek
 * per open status of `(app_id, status, …)`. The tier is written `+tier`, which no index serves,
 * so that SQLite does not walk every ticket of a tier instead.
 */
export function openViewCounts(db: Database, appId: string, tiers: Tier[], me: string, now: number) {
  return db
    .select({
      mine: countOf(sql`${incidents.assignee} = ${me}`),
      unassigned: countOf(sql`${incidents.assignee} is null`),
      at_risk: countOf(atRisk(now)),
      breached: countOf(breached(now)),
      major: countOf(sql`${incidents.isMajor} = 1`),
      waiting: countOf(sql`${incidents.status} = 'pending_reporter'`),
    })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), openStatuses(incidents.status), sql`+${incidents.tier} in (${tierIn(tiers)})`))
}

/** The resolved tickets, counted from their partial index alone: they pile up until someone closes them. */
export function resolvedCount(db: Database, appId: string, tiers: Tier[]) {
  return db
    .select({ resolved: count() })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), sql`${incidents.status} = 'resolved'`, inArray(incidents.tier, tiers)))
}

/** How many tickets each queue view holds, of some tiers, for the caller `me`. */
export async function countViews(db: Database, appId: string, tiers: Tier[], me: string, now: number): Promise<IncidentCounts> {
  const [[open], [resolved]] = await Promise.all([openViewCounts(db, appId, tiers, me, now), resolvedCount(db, appId, tiers)])
  return { mine: 0, unassigned: 0, at_risk: 0, breached: 0, major: 0, waiting: 0, ...open, resolved: resolved?.resolved ?? 0 }
}

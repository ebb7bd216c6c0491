import { and, eq, inArray, sql } from 'drizzle-orm'
import type { IncidentCounts, Tier } from '@triage/protocol'
import { incidents } from '../db/schema.ts'
import type { Database } from './database.ts'
import { atRisk, breached } from './incidents.ts'

const count = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number)
const open = sql`${incidents.status} in ('new', 'in_progress', 'pending_reporter')`

/**
 * How many tickets each queue view holds, of some tiers, for the caller `me`: one read of the open
 * and resolved tickets through the `(app_id, status, created_at)` index. Closed tickets, most of a
 * long history, are never read.
 */
export async function countViews(db: Database, appId: string, tiers: Tier[], me: string, now: number): Promise<IncidentCounts> {
  const [row] = await db
    .select({
      mine: count(sql`${open} and ${incidents.assignee} = ${me}`),
      unassigned: count(sql`${open} and ${incidents.assignee} is null`),
      at_risk: count(atRisk(now)),
      breached: count(breached(now)),
      major: count(sql`${open} and ${incidents.isMajor} = 1`),
      waiting: count(sql`${incidents.status} = 'pending_reporter'`),
      resolved: count(sql`${incidents.status} = 'resolved'`),
    })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), inArray(incidents.status, ['new', 'in_progress', 'pending_reporter', 'resolved']), inArray(incidents.tier, tiers)))
  return { mine: 0, unassigned: 0, at_risk: 0, breached: 0, major: 0, waiting: 0, resolved: 0, ...row }
}

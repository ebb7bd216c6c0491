import { and, count, desc, eq, max, min, sql } from 'drizzle-orm'
import type { Tier } from '@triage/protocol'
import { incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/** The reports of a major incident among the given tiers (a major incident merged into it is no report). */
function membersOf(appId: string, parentId: string, tiers: readonly Tier[]) {
  // Only the (parent_id, created_at) index may lead: `+` keeps the app's and tiers' indexes out
  // (https://sqlite.org/optoverview.html#disqualifying_where_clause_terms), which SQLite would
  // otherwise weigh the same without statistics.
  const tierList = sql.join(
    tiers.map((tier) => sql`${tier}`),
    sql`, `,
  )
  return and(eq(incidents.parentId, parentId), sql`+${incidents.appId} = ${appId}`, eq(incidents.isMajor, false), sql`+${incidents.tier} in (${tierList})`)
}

/** How many reports a major incident holds among the given tiers, and when the first and last came: one pass over its (parent_id, created_at) index entries. */
export function groupSpanQuery(db: Database, appId: string, parentId: string, tiers: readonly Tier[]) {
  return db
    .select({ reports: count(), firstAt: min(incidents.createdAt), lastAt: max(incidents.createdAt) })
    .from(incidents)
    .where(membersOf(appId, parentId, tiers))
}

export async function groupSpan(db: Database, appId: string, parentId: string, tiers: readonly Tier[]) {
  const [row] = await groupSpanQuery(db, appId, parentId, tiers)
  return { reports: row?.reports ?? 0, firstAt: row?.firstAt ?? null, lastAt: row?.lastAt ?? null }
}

/** A major incident's latest reports among the given tiers (newest first, read in the (parent_id, created_at) index's order: no sort). */
export function latestGroupMembers(db: Database, appId: string, parentId: string, tiers: readonly Tier[], limit: number) {
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      status: incidents.status,
      priority: incidents.priority,
      tier: incidents.tier,
      symptoms: incidents.symptoms,
      createdAt: incidents.createdAt,
      kind: incidents.kind,
      context: incidents.context,
      answers: incidents.answers,
      erasedAt: incidents.erasedAt,
    })
    .from(incidents)
    .where(membersOf(appId, parentId, tiers))
    .orderBy(desc(incidents.createdAt))
    .limit(limit)
}

/** Every report grouped under a major incident, open or not: what a merge moves. */
export async function groupMemberIds(db: Database, appId: string, parentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.parentId, parentId), eq(incidents.appId, appId)))
  return rows.map((row) => row.id)
}

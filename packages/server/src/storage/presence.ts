import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import type { Tier } from '@triage/protocol'
import { agentPresence, incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

export type PresenceRow = typeof agentPresence.$inferSelect

/**
 * A viewer's heartbeat on an incident: seen now, typing or not. One who comes back after they
 * were forgotten (their last heartbeat older than `forgottenBefore`) starts a new `since`.
 */
export async function upsertPresence(db: Database, row: Omit<PresenceRow, 'since' | 'seenAt'>, now: number, forgottenBefore: number): Promise<void> {
  await db
    .insert(agentPresence)
    .values({ ...row, since: now, seenAt: now })
    .onConflictDoUpdate({
      target: [agentPresence.incidentId, agentPresence.viewerId],
      set: {
        name: row.name,
        typing: row.typing,
        since: sql`case when ${agentPresence.seenAt} < ${forgottenBefore} then ${now} else ${agentPresence.since} end`,
        seenAt: now,
      },
    })
}

export async function deletePresence(db: Database, incidentId: string, viewerId: string): Promise<void> {
  await db.delete(agentPresence).where(and(eq(agentPresence.incidentId, incidentId), eq(agentPresence.viewerId, viewerId)))
}

/** Who has one incident open: heartbeats after `after`, first come first. */
export async function presenceOn(db: Database, incidentId: string, after: number): Promise<PresenceRow[]> {
  return db
    .select()
    .from(agentPresence)
    .where(and(eq(agentPresence.incidentId, incidentId), gt(agentPresence.seenAt, after)))
    .orderBy(asc(agentPresence.since), asc(agentPresence.viewerId))
}

/**
 * Who has which incident of an app open (heartbeats after `after`), only on incidents of `tiers`
 * (joined with the incident as it is now, so an escalated ticket's viewers vanish for lower tiers).
 */
export async function appPresence(db: Database, appId: string, tiers: Tier[], after: number): Promise<PresenceRow[]> {
  const rows = await appPresenceQuery(db, appId, tiers, after)
  return rows.map((row) => row.presence)
}

export function appPresenceQuery(db: Database, appId: string, tiers: Tier[], after: number) {
  return db
    .select({ presence: agentPresence })
    .from(agentPresence)
    .innerJoin(incidents, eq(incidents.id, agentPresence.incidentId))
    .where(and(eq(agentPresence.appId, appId), gt(agentPresence.seenAt, after), eq(incidents.appId, appId), inArray(incidents.tier, tiers)))
    .orderBy(asc(agentPresence.since), asc(agentPresence.viewerId))
}

/** Forgets heartbeats from before `before`: nobody is there any more. */
export async function deleteStalePresence(db: Database, before: number): Promise<void> {
  await db.delete(agentPresence).where(lt(agentPresence.seenAt, before))
}

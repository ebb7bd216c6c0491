/**
 * Presence: who has a ticket open in the console, and who is typing a reply there, so that two
 * agents do not answer the same person twice. Heartbeats in the database (every process and
 * isolate sees them); a viewer is forgotten `presenceTtlMs` after their last one.
 */
import type { IncidentPresence } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import { callerId } from '../domain/callers.ts'
import { agentScope } from '../domain/visibility.ts'
import type { ServiceContext } from '../domain/context.ts'
import { findVisibleIncident } from '../incidents/changes.ts'
import type { PresenceRow } from '../storage/presence.ts'
import { deletePresence, deleteStalePresence, presenceOn, upsertPresence } from '../storage/presence.ts'

/** A viewer is forgotten this long after their last heartbeat (clients send one every 10 s). */
export const presenceTtlMs = 30_000

export function toPresence(incidentId: string, rows: readonly PresenceRow[]): IncidentPresence {
  return { incidentId, viewers: rows.map((row) => ({ id: row.viewerId, name: row.name, typing: row.typing, since: new Date(row.since).toISOString() })) }
}

/** "I have this ticket open" (and whether I am typing): answers who has it open now, the caller included. */
export async function heartbeat(context: ServiceContext, agent: AgentCaller, id: string, typing: boolean): Promise<IncidentPresence> {
  const incident = await findVisibleIncident(context, agentScope(agent), id)
  const now = context.now()
  await upsertPresence(context.db, { incidentId: incident.id, viewerId: callerId(agent), appId: agent.appId, name: agent.name, typing }, now, now - presenceTtlMs)
  // Heartbeats are frequent: the moment to forget those long gone, a few rows at most.
  await deleteStalePresence(context.db, now - 10 * presenceTtlMs)
  return toPresence(incident.id, await presenceOn(context.db, incident.id, now - presenceTtlMs))
}

/** "I closed this ticket." */
export async function leave(context: ServiceContext, agent: AgentCaller, id: string): Promise<void> {
  const incident = await findVisibleIncident(context, agentScope(agent), id)
  await deletePresence(context.db, incident.id, callerId(agent))
}

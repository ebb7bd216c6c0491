import { and, asc, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import { agentInvitations, agents, agentSessions, apps } from '../db/schema.ts'
import { newId } from '../ids.ts'
import type { Database } from '../db/database.ts'

export type AgentRow = typeof agents.$inferSelect
export type AgentRole = AgentRow['role']

/** A new account, without a password until its invitation is accepted. */
export async function insertAgent(db: Database, agent: { appId: string; email: string; name: string; role: AgentRole }, now: number): Promise<AgentRow> {
  const row: AgentRow = { id: newId('agt', now), ...agent, passwordHash: null, disabledAt: null, createdAt: now, lastSignInAt: null }
  await db.insert(agents).values(row)
  return row
}

export async function findAgent(db: Database, appId: string, id: string): Promise<AgentRow | undefined> {
  const [row] = await db
    .select()
    .from(agents)
    .where(and(eq(agents.appId, appId), eq(agents.id, id)))
    .limit(1)
  return row
}

export async function findAgentByEmail(db: Database, appId: string, email: string): Promise<AgentRow | undefined> {
  const [row] = await db
    .select()
    .from(agents)
    .where(and(eq(agents.appId, appId), eq(agents.email, email)))
    .limit(1)
  return row
}

/** The accounts of an e-mail in every app (a few at most), those that can sign in: a password set, not disabled. */
export async function signInCandidates(db: Database, email: string, limit: number) {
  return db
    .select({ agent: agents, appName: apps.name })
    .from(agents)
    .innerJoin(apps, eq(apps.id, agents.appId))
    .where(and(eq(agents.email, email), isNotNull(agents.passwordHash), isNull(agents.disabledAt)))
    .orderBy(asc(agents.createdAt))
    .limit(limit)
}

export async function listAgents(db: Database, appId: string): Promise<AgentRow[]> {
  return db.select().from(agents).where(eq(agents.appId, appId)).orderBy(asc(agents.name), asc(agents.id))
}

export async function updateAgent(db: Database, id: string, fields: Partial<Pick<AgentRow, 'name' | 'role' | 'disabledAt' | 'passwordHash' | 'lastSignInAt'>>): Promise<void> {
  await db.update(agents).set(fields).where(eq(agents.id, id))
}

/** Replaces the agent's pending invitations with one (by the token's hash): earlier links stop working. */
export async function replaceInvitation(db: Database, agentId: string, hash: string, now: number, expiresAt: number): Promise<void> {
  await db.batch([db.delete(agentInvitations).where(eq(agentInvitations.agentId, agentId)), db.insert(agentInvitations).values({ hash, agentId, createdAt: now, expiresAt })])
}

/** A pending invitation with its agent and app, by the token's hash. */
export async function findInvitation(db: Database, hash: string) {
  const [row] = await db
    .select({ invitation: agentInvitations, agent: agents, appName: apps.name })
    .from(agentInvitations)
    .innerJoin(agents, eq(agents.id, agentInvitations.agentId))
    .innerJoin(apps, eq(apps.id, agents.appId))
    .where(eq(agentInvitations.hash, hash))
    .limit(1)
  return row
}

/**
 * Accepting an invitation, in one transaction: the password (and name) set, the invitation used
 * up, the agent's earlier sessions ended and a new one opened. Every write is guarded by the
 * invitation still pending and unexpired, so two tabs accepting at once set the password once.
 * @returns whether the invitation was still pending (nothing was written otherwise)
 */
export async function acceptInvitation(
  db: Database,
  invitationHash: string,
  agent: { id: string; name: string; passwordHash: string },
  session: { hash: string; createdAt: number; expiresAt: number },
): Promise<boolean> {
  const pending = sql`exists (select 1 from ${agentInvitations} where ${agentInvitations.hash} = ${invitationHash}
    and ${agentInvitations.agentId} = ${agent.id} and ${agentInvitations.expiresAt} > ${session.createdAt})`
  const results = await db.batch([
    db
      .update(agents)
      .set({ name: agent.name, passwordHash: agent.passwordHash, lastSignInAt: session.createdAt })
      .where(and(eq(agents.id, agent.id), pending)),
    db.delete(agentSessions).where(and(eq(agentSessions.agentId, agent.id), pending)),
    db.insert(agentSessions).select(sql`select ${session.hash}, ${agent.id}, ${session.createdAt}, ${session.expiresAt} where ${pending}`),
    db
      .delete(agentInvitations)
      .where(and(eq(agentInvitations.hash, invitationHash), gt(agentInvitations.expiresAt, session.createdAt)))
      .returning({ agentId: agentInvitations.agentId }),
  ])
  return results[3].some((row) => row.agentId === agent.id)
}

export async function insertSession(db: Database, session: { hash: string; agentId: string; createdAt: number; expiresAt: number }): Promise<void> {
  await db.batch([db.insert(agentSessions).values(session), db.update(agents).set({ lastSignInAt: session.createdAt }).where(eq(agents.id, session.agentId))])
}

/** A session by its token's hash, with its agent and app: what every signed-in request reads (one indexed read). */
export async function findSession(db: Database, hash: string) {
  const [row] = await db
    .select({ session: agentSessions, agent: agents, appName: apps.name })
    .from(agentSessions)
    .innerJoin(agents, eq(agents.id, agentSessions.agentId))
    .innerJoin(apps, eq(apps.id, agents.appId))
    .where(eq(agentSessions.hash, hash))
    .limit(1)
  return row
}

export async function deleteSession(db: Database, hash: string): Promise<void> {
  await db.delete(agentSessions).where(eq(agentSessions.hash, hash))
}

export async function deleteAgentSessions(db: Database, agentId: string): Promise<void> {
  await db.delete(agentSessions).where(eq(agentSessions.agentId, agentId))
}

/** Forgets sessions and invitations past their end: they no longer open anything, this keeps the tables small. */
export async function deleteExpiredAuth(db: Database, now: number): Promise<void> {
  await db.batch([db.delete(agentSessions).where(lt(agentSessions.expiresAt, now)), db.delete(agentInvitations).where(lt(agentInvitations.expiresAt, now))])
}

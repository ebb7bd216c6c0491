/**
 * Agent accounts of an app, for its admins: invite (a one-time link to set a password), list,
 * rename, change role, disable. And the colleagues every agent sees, to show assignees by name.
 */
import type { AgentInvitation, AgentInvite, AgentList, AgentPatch, ColleagueList } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import type { AgentRow } from '../storage/agents.ts'
import { deleteAgentSessions, findAgent, findAgentByEmail, insertAgent, listAgents, replaceInvitation, updateAgent } from '../storage/agents.ts'
import type { Database } from '../db/database.ts'
import { newInvitationToken } from './sessions.ts'
import { toAgent, toColleague } from './views.ts'

/** How long an invitation link works. */
export const invitationTtlMs = 7 * 86_400_000

/**
 * The link an invited person opens: the console's invitation page, with the token in the fragment
 * (a fragment never reaches a server log or a Referer).
 */
export function invitationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/console/invitation#${token}`
}

async function invitationFor(context: ServiceContext, agent: AgentRow, baseUrl: string): Promise<AgentInvitation> {
  const now = context.now()
  const { token, hash } = await newInvitationToken()
  const expiresAt = now + invitationTtlMs
  await replaceInvitation(context.db, agent.id, hash, now, expiresAt)
  return { agent: toAgent(agent), inviteUrl: invitationUrl(context.publicUrl ?? baseUrl, token), expiresAt: new Date(expiresAt).toISOString() }
}

/**
 * A new account for `invite.email` in the app, and its link. The link is in the answer only.
 * @param baseUrl where the server is reached (used when no public URL is configured)
 */
export async function inviteAgent(context: ServiceContext, appId: string, invite: AgentInvite, baseUrl: string): Promise<AgentInvitation> {
  const taken = async () => {
    const existing = await findAgentByEmail(context.db, appId, invite.email)
    return (
      existing &&
      new DomainError('conflict', `${invite.email} already has an account in this app (${existing.id}). Send a new link with POST /v1/admin/agents/${existing.id}/invitation.`)
    )
  }
  const before = await taken()
  if (before) throw before
  let agent: AgentRow
  try {
    agent = await insertAgent(context.db, { appId, email: invite.email, name: invite.name ?? '', role: invite.role }, context.now())
  } catch (error) {
    // Two invitations of one e-mail at once: the unique index took the second.
    throw (await taken()) ?? error
  }
  return invitationFor(context, agent, baseUrl)
}

async function agentOfApp(db: Database, appId: string, id: string): Promise<AgentRow> {
  const agent = await findAgent(db, appId, id)
  if (!agent) throw new DomainError('not_found', `No agent ${id} in this app. List them with GET /v1/admin/agents.`)
  return agent
}

/** A new link for an existing agent (not signed up yet, or who forgot their password); earlier links stop working. */
export async function reinviteAgent(context: ServiceContext, appId: string, id: string, baseUrl: string): Promise<AgentInvitation> {
  const agent = await agentOfApp(context.db, appId, id)
  if (agent.disabledAt !== null) throw new DomainError('conflict', `${agent.email} is disabled: enable the account first (PATCH /v1/admin/agents/${id} {"disabled": false}).`)
  return invitationFor(context, agent, baseUrl)
}

export async function listAppAgents(context: ServiceContext, appId: string): Promise<AgentList> {
  return { items: (await listAgents(context.db, appId)).map(toAgent) }
}

/** The app's active agents, for everyone in it: names to show for assignees and presence. */
export async function listColleagues(context: ServiceContext, appId: string): Promise<ColleagueList> {
  return { items: (await listAgents(context.db, appId)).filter((agent) => agent.passwordHash !== null && agent.disabledAt === null).map(toColleague) }
}

/** Renames, changes the role of, disables or enables an agent. Disabling ends their sessions at once. */
export async function patchAgent(context: ServiceContext, admin: AgentCaller, id: string, patch: AgentPatch): Promise<ReturnType<typeof toAgent>> {
  const agent = await agentOfApp(context.db, admin.appId, id)
  if (admin.agentId === id && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'))) {
    throw new DomainError('conflict', 'You cannot disable yourself or give up your own admin role: ask another admin.')
  }
  const fields: Parameters<typeof updateAgent>[2] = {}
  if (patch.name !== undefined) fields.name = patch.name
  if (patch.role !== undefined) fields.role = patch.role
  if (patch.disabled !== undefined) fields.disabledAt = patch.disabled ? (agent.disabledAt ?? context.now()) : null
  await updateAgent(context.db, id, fields)
  if (patch.disabled === true) await deleteAgentSessions(context.db, id)
  return toAgent({ ...agent, ...fields })
}

/**
 * Whether an assignee is acceptable: any name, but an agent id (`agt_…`) must be an active agent
 * of the app, so a ticket is never "assigned" to someone who cannot open it.
 */
export async function checkAssignee(context: ServiceContext, appId: string, assignee: string | null | undefined): Promise<void> {
  if (typeof assignee !== 'string' || !assignee.startsWith('agt_')) return
  const agent = await findAgent(context.db, appId, assignee)
  if (!agent || agent.disabledAt !== null || agent.passwordHash === null) {
    throw new DomainError('invalid_input', `The body is invalid: assignee ${assignee} is not an active agent of this app (see GET /v1/agents).`, {
      errors: [{ path: 'assignee', message: 'is not an active agent of this app' }],
    })
  }
}

import type { AgentMessageCreate, EscalateRequest, Incident, IncidentPatch, Reasoning, ReasonRequest, ResolveRequest } from '@triage/protocol'
import { priorityOf, slaDueTimes } from '@triage/engine'
import type { AgentCaller } from '../domain/callers.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import type { Change } from './changes.ts'
import { agentScope } from '../domain/visibility.ts'
import { appSla, changeIncident, changeIncidents, statusAfter, statusEvents } from './changes.ts'
import { formatNumber } from '../ids.ts'
import type { IncidentRow } from '../storage/incidents.ts'
import { openChildren } from '../storage/incidents.ts'
import { checkAssignee } from '../agents/accounts.ts'
import { learnCorrection } from '../learning/classifiers.ts'
import { incidentView } from './enriched-ticket.ts'

/** The incident after an agent's change, as that agent reads it (similar incidents up to their tier, in their language). */
const view = (context: ServiceContext, row: IncidentRow, agent: AgentCaller) => incidentView(context, row, agentScope(agent).maxTier, agent.locale)

/**
 * A public reply (the reporter reads it; the first one meets the first-response target) or an
 * internal note (agents only).
 */
export async function postAgentMessage(context: ServiceContext, agent: AgentCaller, id: string, message: AgentMessageCreate): Promise<Incident> {
  const row = await changeIncident(context, agentScope(agent), id, (incident) => messageChange(incident, agent.name, message, context.now()))
  return view(context, row, agent)
}

/** An agent's message on one incident: the event, the status it leads to, and the first response it may meet. */
export function messageChange(incident: IncidentRow, actor: string, message: AgentMessageCreate, now: number, data: Record<string, unknown> = {}): Change {
  const isPublic = message.visibility === 'public'
  const status = statusAfter(incident, isPublic ? { type: 'public_reply', awaitReporter: message.awaitReporter ?? false } : { type: 'internal_note' })
  const change: Change = {
    fields: { status },
    events: [{ type: 'message', actor, visibility: message.visibility, data: { body: message.body, author: 'agent', ...data } }, ...statusEvents(incident.status, status, actor)],
  }
  if (isPublic && incident.firstResponseAt === null) change.fields.firstResponseAt = now
  return change
}

/** Hands the incident to a higher tier, with the reason on the record. */
export async function escalateIncident(context: ServiceContext, agent: AgentCaller, id: string, request: EscalateRequest): Promise<Incident> {
  const row = await changeIncident(context, agentScope(agent), id, (incident) => {
    const status = statusAfter(incident, { type: 'escalate', to: request.tier })
    return {
      fields: { tier: request.tier, status },
      events: [
        { type: 'escalated', actor: agent.name, visibility: 'internal', data: { from: incident.tier, tier: request.tier, reason: request.reason } },
        ...statusEvents(incident.status, status, agent.name),
      ],
    }
  })
  return view(context, row, agent)
}

export async function resolveIncident(context: ServiceContext, agent: AgentCaller, id: string, request: ResolveRequest): Promise<Incident> {
  const row = await changeIncident(context, agentScope(agent), id, (incident) => resolveChange(incident, agent.name, request, context.now()))
  if (row.isMajor) await resolveChildren(context, agent, row, request)
  return view(context, row, agent)
}

function resolveChange(incident: IncidentRow, actor: string, request: ResolveRequest, now: number): Change {
  const status = statusAfter(incident, { type: 'resolve' })
  return {
    fields: { status, resolution: request.resolution, publicNote: request.publicNote ?? null, resolvedAt: now },
    events: [
      ...statusEvents(incident.status, status, actor),
      { type: 'resolved', actor, visibility: 'public', data: { ...(request.publicNote ? { body: request.publicNote } : {}), resolution: request.resolution } },
    ],
  }
}

/** Resolving a major incident resolves every report grouped under it: each reporter is told together. */
async function resolveChildren(context: ServiceContext, agent: AgentCaller, parent: IncidentRow, request: ResolveRequest): Promise<void> {
  const resolution = `Resolved with major incident ${formatNumber(parent.number)}: ${request.resolution}`
  const children = (await openChildren(context.db, parent.id)).map((child) => child.id)
  // Together, fifty to a transaction: ten thousand reports of one outage are told in seconds, not minutes.
  await changeIncidents(context, { appId: parent.appId, maxTier: 'L3' }, children, (incident) =>
    incident.status === 'resolved' || incident.status === 'closed' ? { fields: {}, events: [] } : resolveChange(incident, agent.name, { ...request, resolution }, context.now()),
  )
}

export async function closeIncident(context: ServiceContext, agent: AgentCaller, id: string, request: ReasonRequest): Promise<Incident> {
  const row = await changeIncident(context, agentScope(agent), id, (incident) =>
    closeChange(incident.status, statusAfter(incident, { type: 'close' }), agent.name, request, context.now()),
  )
  return view(context, row, agent)
}

export async function reopenIncident(context: ServiceContext, agent: AgentCaller, id: string, request: ReasonRequest): Promise<Incident> {
  const row = await changeIncident(context, agentScope(agent), id, (incident) => reopenChange(incident.status, statusAfter(incident, { type: 'reopen' }), agent.name, request))
  return view(context, row, agent)
}

export function closeChange(from: Incident['status'], status: Incident['status'], actor: string, request: ReasonRequest, now: number): Change {
  return {
    fields: { status, closedAt: now },
    events: [...statusEvents(from, status, actor), { type: 'closed', actor, visibility: 'public', data: request.reason ? { reason: request.reason } : {} }],
  }
}

export function reopenChange(from: Incident['status'], status: Incident['status'], actor: string, request: ReasonRequest): Change {
  return {
    fields: { status, resolvedAt: null, closedAt: null },
    events: [...statusEvents(from, status, actor), { type: 'reopened', actor, visibility: 'public', data: request.reason ? { reason: request.reason } : {} }],
  }
}

/**
 * An agent's corrections. A category correction is recorded as agent-sourced (what the engine
 * learns from); impact or urgency recompute the priority from the ITIL matrix; a major incident's
 * public title becomes the widget's notice.
 */
export async function patchIncident(context: ServiceContext, agent: AgentCaller, id: string, patch: IncidentPatch): Promise<Incident> {
  await checkAssignee(context, agent.appId, patch.assignee)
  const sla = await appSla(context, agent.appId)
  let corrected = false
  const row = await changeIncident(context, agentScope(agent), id, (incident) => {
    // What teaches the classifier: the agent changed the category, or confirmed a reporter's
    // choice that the engine read otherwise.
    const guess = (incident.reasoning as unknown as Reasoning).category.guess
    corrected =
      patch.category !== undefined && (patch.category !== incident.category || (incident.categorySource === 'reporter' && guess !== undefined && guess.value !== patch.category))
    const change: Change = { fields: {}, events: [] }
    if (patch.publicTitle !== undefined && patch.publicTitle !== incident.publicTitle) {
      if (!incident.isMajor) {
        throw new DomainError('invalid_input', 'The body is invalid: publicTitle is for major incidents only (the widget shows it to every visitor).', {
          errors: [{ path: 'publicTitle', message: 'is for major incidents only' }],
        })
      }
      change.fields.publicTitle = patch.publicTitle
      change.events.push({ type: 'announced', actor: agent.name, visibility: 'internal', data: { publicTitle: patch.publicTitle, previous: incident.publicTitle } })
    }
    if (patch.kind !== undefined && patch.kind !== incident.kind) {
      change.fields.kind = patch.kind
      change.events.push({ type: 'categorized', actor: agent.name, visibility: 'internal', data: { kind: patch.kind, previousKind: incident.kind, source: 'agent' } })
    }
    if (patch.category !== undefined && (patch.category !== incident.category || incident.categorySource !== 'agent')) {
      Object.assign(change.fields, { category: patch.category, categorySource: 'agent', categoryConfidence: 1 })
      change.events.push({ type: 'categorized', actor: agent.name, visibility: 'internal', data: { category: patch.category, previous: incident.category, source: 'agent' } })
    }
    const impact = patch.impact ?? incident.impact
    const urgency = patch.urgency ?? incident.urgency
    if (impact !== incident.impact || urgency !== incident.urgency) {
      const priority = priorityOf(impact, urgency)
      // The SLA follows the priority: targets are counted from the report, as if it had come in so.
      Object.assign(change.fields, { impact, urgency, priority, ...slaDueTimes(priority, incident.createdAt, sla.policy ?? undefined, sla.calendar ?? undefined) })
      change.events.push({ type: 'prioritized', actor: agent.name, visibility: 'internal', data: { priority, impact, urgency, previous: incident.priority } })
    }
    if (patch.assignee !== undefined && patch.assignee !== incident.assignee) {
      const status = patch.assignee === null ? incident.status : statusAfter(incident, { type: 'assign' })
      Object.assign(change.fields, { assignee: patch.assignee, status })
      change.events.push({ type: 'assigned', actor: agent.name, visibility: 'internal', data: { assignee: patch.assignee, previous: incident.assignee } })
      change.events.push(...statusEvents(incident.status, status, agent.name))
    }
    return change
  })
  // The correction is what the engine learns from: the next similar report follows the agent.
  // An erased report's text is gone: there is nothing left to learn from.
  if (corrected && row.erasedAt === null) await learnCorrection(context, agent.appId, row.symptoms, row.category)
  return view(context, row, agent)
}

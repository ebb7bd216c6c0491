import type { Incident, MergeRequest, SplitRequest, Tier } from '@triage/protocol'
import { reportSignature } from '@triage/engine'
import type { AgentCaller } from '../domain/callers.ts'
import { formatNumber } from '../ids.ts'
import type { IncidentRow } from '../storage/incidents.ts'
import { groupMemberIds } from '../storage/groups.ts'
import { agentScope } from '../domain/visibility.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { groupCandidatesFor, groupedEvent } from './plan.ts'
import { teachGrouping } from './lessons.ts'
import { changeIncident, findVisibleIncident, statusAfter, statusEvents } from '../incidents/changes.ts'
import { majorIncidentView, storedGroupProfile } from './major-group.ts'

/** The profile grouping holds of a major incident, or one built from its latest reports once it left memory. */
async function profileOfMajor(context: ServiceContext, major: IncidentRow): Promise<ReadonlyMap<string, number>> {
  const candidates = await groupCandidatesFor(context, major.appId, Infinity)
  const held = candidates.profile(major.id)
  return held && held.size > 0 ? held : storedGroupProfile(context, major)
}

function maxTierOf(agent: AgentCaller): Tier {
  const scope = agentScope(agent)
  return 'maxTier' in scope ? scope.maxTier : 'L1'
}

function notAMajor(incident: IncidentRow): DomainError {
  return new DomainError(
    'conflict',
    `${formatNumber(incident.number)} is not a major incident: merge joins one major incident into another. Find major incidents among GET /v1/incidents (isMajor: true).`,
  )
}

/**
 * Takes a report out of the major incident it was grouped under. The report keeps its own ticket
 * and clocks, and resolving the major incident no longer resolves it. Grouping learns from it: a
 * report like this one stays out of groups like that one from now on.
 */
export async function splitFromMajor(context: ServiceContext, agent: AgentCaller, id: string, request: SplitRequest): Promise<Incident> {
  const scope = agentScope(agent)
  const member = await findVisibleIncident(context, scope, id)
  if (member.isMajor)
    throw new DomainError('conflict', `${formatNumber(member.number)} is a major incident itself: split its reports out one by one (POST /v1/incidents/{report id}/split).`)
  if (member.parentId === null) throw new DomainError('conflict', `${formatNumber(member.number)} is not grouped under a major incident: there is nothing to split it from.`)
  // The major incident must be one this key may see, as much as the report.
  const major = await findVisibleIncident(context, scope, member.parentId)
  const reason = request.reason ? { reason: request.reason } : {}
  const row = await changeIncident(context, scope, id, (incident) => {
    if (incident.parentId !== major.id) throw new DomainError('conflict', `${formatNumber(incident.number)} was moved while this request ran; read it again.`)
    return { fields: { parentId: null }, events: [{ type: 'ungrouped', actor: agent.name, visibility: 'internal', data: { parentId: major.id, ...reason } }] }
  })
  await changeIncident(context, scope, major.id, () => ({
    fields: {},
    events: [{ type: 'ungrouped', actor: agent.name, visibility: 'internal', data: { reportId: row.id, report: formatNumber(row.number), ...reason } }],
  }))

  const candidates = await groupCandidatesFor(context, row.appId, Infinity)
  // Out of the group first: the lesson remembers the group as it is without the report.
  candidates.update(row, context.now())
  const group = await profileOfMajor(context, major)
  const url = row.context.url
  const report = reportSignature({ text: row.symptoms, kind: row.kind, answers: row.answers, ...(typeof url === 'string' ? { url } : {}) }).features
  candidates.teach(await teachGrouping(context, row.appId, (lessons) => lessons.learnApart(report, group, context.now())))
  return majorIncidentView(context, row, maxTierOf(agent), agent.locale)
}

/**
 * Merges the major incident `from` into `id`: its reports move under `id` (resolving `id` resolves
 * them all), and `from` is resolved as merged, pointing to `id`. Grouping learns from it: the next
 * outage told the two ways forms one group.
 */
export async function mergeMajors(context: ServiceContext, agent: AgentCaller, id: string, request: MergeRequest): Promise<Incident> {
  if (request.from === id) throw new DomainError('conflict', 'A major incident cannot be merged into itself: give the id of the other one as `from`.')
  const scope = agentScope(agent)
  const [target, source] = await Promise.all([findVisibleIncident(context, scope, id), findVisibleIncident(context, scope, request.from)])
  for (const major of [target, source]) {
    if (!major.isMajor) throw notAMajor(major)
    if (major.parentId !== null) throw new DomainError('conflict', `${formatNumber(major.number)} was already merged into another major incident.`)
    if (major.status === 'resolved' || major.status === 'closed') {
      throw new DomainError('conflict', `${formatNumber(major.number)} is ${major.status}: reopen it first (POST /v1/incidents/${major.id}/reopen).`)
    }
  }
  // What grouping learns is the two groups as they were apart.
  const [targetProfile, sourceProfile] = [await profileOfMajor(context, target), await profileOfMajor(context, source)]
  const reason = request.reason ? { reason: request.reason } : {}
  const now = context.now()

  const merged = await changeIncident(context, scope, source.id, (incident) => {
    if (incident.parentId !== null) throw new DomainError('conflict', `${formatNumber(incident.number)} was merged while this request ran; read it again.`)
    const status = statusAfter(incident, { type: 'resolve' })
    return {
      fields: { parentId: target.id, status, resolution: `Merged into major incident ${formatNumber(target.number)}`, resolvedAt: now },
      events: [...statusEvents(incident.status, status, agent.name), { type: 'merged', actor: agent.name, visibility: 'internal', data: { into: target.id, ...reason } }],
    }
  })
  const candidates = await groupCandidatesFor(context, target.appId, Infinity)
  // The group first, so its members, moved below, are found already there.
  candidates.update(merged, context.now())
  const memberIds = await groupMemberIds(context.db, target.appId, source.id)
  const why = `merged from major incident ${formatNumber(source.number)} by ${agent.name}`
  for (const memberId of memberIds) {
    // Every report of the group moves, whatever its tier: the agent merges groups, not tickets.
    const member = await changeIncident(context, { appId: target.appId, maxTier: 'L3' }, memberId, (incident) =>
      incident.parentId === source.id ? { fields: { parentId: target.id }, events: [groupedEvent(target.id, why)] } : { fields: {}, events: [] },
    )
    candidates.update(member, context.now())
  }
  const row = await changeIncident(context, scope, target.id, () => ({
    fields: {},
    events: [{ type: 'merged', actor: agent.name, visibility: 'internal', data: { from: source.id, reports: memberIds.length, ...reason } }],
  }))
  candidates.teach(await teachGrouping(context, target.appId, (lessons) => lessons.learnTogether(targetProfile, sourceProfile, now)))
  return majorIncidentView(context, row, maxTierOf(agent), agent.locale)
}

import type { DiagnosticAnswer, IncidentKind, Reasoning } from '@triage/protocol'
import type { GroupCandidates } from '@triage/engine'
import { groupingDefaults, majorIncidentWindowMs, priorityOf, route } from '@triage/engine'
import type { AppSla } from '../domain/callers.ts'
import { formatNumber, newId } from '../ids.ts'
import type { IncidentRow, NewEvent } from '../storage/incidents.ts'
import { insertIncidentOnce } from '../storage/incidents.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { groupingLessonsFor } from './lessons.ts'
import { changeIncident } from '../incidents/changes.ts'
import { similarIndexFor } from '../similar/app-index.ts'
import { firstEvents, newIncident } from '../reports/new-incident.ts'

/** Reports of one outage in this window, the new one included, that open a major incident. */
export const majorIncidentRule = { minReports: groupingDefaults.minReports, windowMinutes: majorIncidentWindowMs / 60_000 }

export interface GroupingPlan {
  /** A major incident the new report joins at once (written with the report), with loose reports of the same outage to put under it too. */
  joins?: { parentId: string; reason: string; memberIds: string[] }
  /** Enough reports of one outage to open a major incident once the report is stored. */
  opens?: { memberIds: string[]; reason: string; summary: string; category: string; key: string }
}

/** What grouping reads of a new report. */
export interface PlannedReport {
  id: string
  appId: string
  symptoms: string
  category: string
  kind: IncidentKind
  url: string | undefined
  answers: Record<string, DiagnosticAnswer>
  createdAt: number
}

/**
 * The app's group candidates, caught up with storage as of `maxStaleMs` ago, with the lessons its
 * agents taught by splitting and merging.
 */
export async function groupCandidatesFor(context: ServiceContext, appId: string, maxStaleMs: number): Promise<GroupCandidates> {
  const entry = await similarIndexFor(context, appId, maxStaleMs)
  const { lessons, version } = await groupingLessonsFor(context, appId)
  if (entry.lessonsVersion !== version) {
    entry.groupCandidates.teach(lessons)
    entry.lessonsVersion = version
  }
  return entry.groupCandidates
}

/**
 * Major-incident detection, decided before the report is written: reports of one outage that
 * arrive close together, in whatever words or language, are grouped under one parent incident
 * with high impact, so agents work one ticket and every reporter is told when it is resolved.
 */
export async function planGrouping(context: ServiceContext, report: PlannedReport): Promise<GroupingPlan> {
  // The candidates (the window's open reports, clustered, kept in memory beside the similar-incident
  // index) decide without reading storage: grouping stays cheap however long the history and however
  // many reports pour in during an outage. A quarter second of staleness is fine: reports planned
  // here are counted at once, and the next report catches what a sync brings.
  const candidates = await groupCandidatesFor(context, report.appId, 250)
  const decision = candidates.plan({
    id: report.id,
    text: report.symptoms,
    createdAt: report.createdAt,
    category: report.category,
    kind: report.kind,
    ...(report.url ? { url: report.url } : {}),
    answers: report.answers,
  })
  if (!decision.group) return {}
  if (decision.parentId !== null) return { joins: { parentId: decision.parentId, reason: decision.reason, memberIds: decision.memberIds.filter((id) => id !== report.id) } }
  return {
    opens: {
      memberIds: decision.memberIds,
      reason: decision.reason,
      summary: decision.summary ?? decision.reason,
      category: decision.category ?? report.category,
      // Concurrent openers of one cluster agree on one major incident: the key is the cluster's.
      key: decision.clusterIds[0] ?? report.id,
    },
  }
}

/** Takes back a planned report that was not written (its idempotency key answered another one). */
export async function forgetPlanned(context: ServiceContext, appId: string, id: string): Promise<void> {
  ;(await similarIndexFor(context, appId, Infinity)).groupCandidates.remove(id)
}

/** The event that records a report joining a major incident. */
export function groupedEvent(parentId: string, reason: string): Omit<NewEvent, 'id' | 'at'> {
  return { type: 'grouped', actor: 'triage', visibility: 'internal', data: { parentId, reason } }
}

/** Opens the major incident a plan asked for and puts its members (the new report among them) under it. */
export async function openGroup(context: ServiceContext, incident: IncidentRow, opens: NonNullable<GroupingPlan['opens']>, sla: AppSla): Promise<void> {
  const major = await openMajorIncident(context, incident, opens, sla)
  const candidates = await groupCandidatesFor(context, incident.appId, Infinity)
  // As with planned reports: the next reports of the outage join this group at once, not after a sync.
  candidates.update(major, context.now())
  await attachMembers(context, incident.appId, major.id, opens.memberIds, opens.reason)
}

/** Puts loose reports of an outage under its major incident (those already grouped stay where they are). */
export async function attachMembers(context: ServiceContext, appId: string, parentId: string, memberIds: readonly string[], reason: string): Promise<void> {
  const candidates = await groupCandidatesFor(context, appId, Infinity)
  for (const memberId of memberIds) {
    if (memberId === parentId) continue
    const member = await changeIncident(context, { appId, maxTier: 'L3' }, memberId, (member) =>
      member.parentId !== null || member.isMajor ? { fields: {}, events: [] } : { fields: { parentId }, events: [groupedEvent(parentId, reason)] },
    ).catch((error: unknown) => {
      // A member planned by a concurrent request that failed to write is gone: nothing to group.
      if (error instanceof DomainError && error.code === 'not_found') return undefined
      throw error
    })
    if (member) candidates.update(member, context.now())
    else candidates.remove(memberId)
  }
}

/**
 * The parent incident of a group: impact high (many are affected), priority from the matrix,
 * routed like any incident of that priority. Its symptoms say why its reports belong together.
 * One per cluster, whoever opens it: its idempotency key makes concurrent openers agree.
 */
async function openMajorIncident(context: ServiceContext, first: IncidentRow, opens: NonNullable<GroupingPlan['opens']>, sla: AppSla): Promise<IncidentRow> {
  const now = context.now()
  const firstReasoning = first.reasoning as unknown as Reasoning
  const urgency = firstReasoning.priority.urgency === 'low' ? 'medium' : firstReasoning.priority.urgency
  const priority = priorityOf('high', urgency)
  const category = opens.category
  const tier = route(category, priority)
  const why = opens.summary
  const reasoning: Reasoning = {
    kind: { value: 'incident', confidence: 1, reasons: [why] },
    category: { value: category, confidence: first.categoryConfidence, reasons: ['the category most of the grouped reports have'] },
    priority: { value: priority, impact: 'high', urgency, reasons: [`impact high: ${why}`] },
    tier,
  }
  return insertIncidentOnce(
    context.db,
    newIncident({
      id: newId('inc', now),
      appId: first.appId,
      idempotencyKey: `major:${opens.key}`,
      requestHash: 'major',
      reasoning,
      symptoms: `Major incident: ${why}. Like ${formatNumber(first.number)}: ${first.symptoms}`,
      answers: {},
      context: {},
      contact: {},
      sla,
      now,
      isMajor: true,
    }),
    firstEvents(reasoning, now, { status: 'new', major: true }, 'triage'),
    { alone: context.requestBoundIo },
  )
}

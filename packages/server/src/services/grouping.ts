import type { Reasoning } from '@triage/protocol'
import { decideGrouping, priorityOf, route } from '@triage/engine'
import type { AppSla } from '../http/env.ts'
import { formatNumber, newId } from '../ids.ts'
import type { IncidentRow, NewEvent } from '../storage/incidents.ts'
import { insertIncidentOnce } from '../storage/incidents.ts'
import type { ServiceContext } from './context.ts'
import { ProblemError } from './context.ts'
import { changeIncident } from './incident-changes.ts'
import { groupingWindowMs, similarIndexFor } from './similar-incidents.ts'
import { firstEvents, newIncident } from './new-incident.ts'

/** Similar reports in this window, the new one included, that open a major incident. */
export const majorIncidentRule = { minReports: 5, windowMinutes: groupingWindowMs / 60_000 }

export interface GroupingPlan {
  /** A major incident the new report joins at once (written with the report, no second write). */
  joins?: { parentId: string; reason: string }
  /** Enough similar reports to open a new major incident once the report is stored. */
  opens?: { memberIds: string[]; reason: string }
}

/**
 * Major-incident detection, decided before the report is written: when enough similar reports
 * arrive close together they are grouped under one parent incident with high impact, so agents
 * work one ticket and every reporter is told when it is resolved. Later similar reports join it.
 */
export async function planGrouping(context: ServiceContext, report: { id: string; appId: string; symptoms: string; category: string; createdAt: number }): Promise<GroupingPlan> {
  // The app's group candidates (a BM25 index over the window's open reports, kept in memory with
  // the similar-incident index) find the similar ones with their scores without reading storage:
  // grouping stays cheap however long the history and however many reports pour in during an
  // outage. A quarter second of staleness is fine: the next similar report catches what this missed.
  const { groupCandidates } = await similarIndexFor(context, report.appId, 250)
  const recent = groupCandidates.search(report.symptoms, report.id)
  const decision = decideGrouping({ id: report.id, text: report.symptoms, createdAt: report.createdAt, category: report.category }, recent, majorIncidentRule)
  const plan: GroupingPlan = !decision.group
    ? {}
    : decision.parentId !== null
      ? { joins: { parentId: decision.parentId, reason: decision.reason } }
      : { opens: { memberIds: decision.memberIds, reason: decision.reason } }
  // Counted at once by the reports planned after this one, before it is even written: concurrent
  // similar reports would otherwise each miss the others until the next sync, and each open a group.
  groupCandidates.update({ ...report, status: 'new', parentId: plan.joins?.parentId ?? null, isMajor: false }, context.now())
  return plan
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
  const major = await openMajorIncident(context, incident, opens.memberIds.length, sla)
  const { groupCandidates } = await similarIndexFor(context, incident.appId, Infinity)
  // As with planned reports: the next similar reports join this group at once, not after a sync.
  groupCandidates.update(major, context.now())
  for (const memberId of opens.memberIds) {
    if (memberId === major.id) continue
    const member = await changeIncident(context, { appId: incident.appId, maxTier: 'L3' }, memberId, (member) =>
      member.parentId !== null ? { fields: {}, events: [] } : { fields: { parentId: major.id }, events: [groupedEvent(major.id, opens.reason)] },
    ).catch((error: unknown) => {
      // A member planned by a concurrent request that failed to write is gone: nothing to group.
      if (error instanceof ProblemError && error.status === 404) return undefined
      throw error
    })
    if (member) groupCandidates.update(member, context.now())
    else groupCandidates.remove(memberId)
  }
}

/**
 * The parent incident of a group: impact high (many are affected), priority from the matrix,
 * routed like any incident of that priority. One per app, category and window, whoever opens it:
 * its idempotency key makes concurrent openers agree.
 */
async function openMajorIncident(context: ServiceContext, first: IncidentRow, members: number, sla: AppSla): Promise<IncidentRow> {
  const now = context.now()
  const firstReasoning = first.reasoning as unknown as Reasoning
  const urgency = firstReasoning.priority.urgency === 'low' ? 'medium' : firstReasoning.priority.urgency
  const priority = priorityOf('high', urgency)
  const tier = route(first.category, priority)
  const why = `${members} similar reports within ${majorIncidentRule.windowMinutes} minutes`
  const reasoning: Reasoning = {
    kind: { value: 'incident', confidence: 1, reasons: [why] },
    category: { value: first.category, confidence: first.categoryConfidence, reasons: [`the category of the grouped reports`] },
    priority: { value: priority, impact: 'high', urgency, reasons: [`impact high: ${why}`] },
    tier,
  }
  const window = Math.floor(first.createdAt / (majorIncidentRule.windowMinutes * 60_000))
  return insertIncidentOnce(
    context.db,
    newIncident({
      id: newId('inc', now),
      appId: first.appId,
      idempotencyKey: `major:${first.category}:${window}`,
      requestHash: 'major',
      reasoning,
      symptoms: `Major incident: ${why}, like ${formatNumber(first.number)}: ${first.symptoms}`,
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

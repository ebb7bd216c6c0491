import type { Reasoning } from '@triage/protocol'
import { decideGrouping, priorityOf, route } from '@triage/engine'
import type { AppSla } from '../http/env.ts'
import { formatNumber, newId } from '../ids.ts'
import type { IncidentRow } from '../storage/incidents.ts'
import { insertIncidentOnce } from '../storage/incidents.ts'
import { recentOpenIncidents } from '../storage/recent.ts'
import type { ServiceContext } from './context.ts'
import { changeIncident } from './incident-changes.ts'
import { firstEvents, newIncident } from './new-incident.ts'

/** Similar reports in this window, the new one included, that open a major incident. */
export const majorIncidentRule = { minReports: 5, windowMinutes: 10 }

/**
 * Major-incident detection: when enough similar reports arrive close together, they are grouped
 * under one parent incident with high impact, so agents work one ticket and every reporter is
 * told when it is resolved. Later similar reports join the same parent.
 */
export async function groupWithSimilar(context: ServiceContext, incident: IncidentRow, sla: AppSla): Promise<void> {
  if (incident.isMajor) return
  const since = incident.createdAt - majorIncidentRule.windowMinutes * 60_000
  const recent = await recentOpenIncidents(context.db, incident.appId, incident.category, since)
  const decision = decideGrouping(
    { id: incident.id, text: incident.symptoms, createdAt: incident.createdAt, category: incident.category },
    recent.map((other) => ({ id: other.id, text: other.symptoms, createdAt: other.createdAt, category: other.category, parentId: other.parentId, isMajor: other.isMajor })),
    majorIncidentRule,
  )
  if (!decision.group) return
  const parent = decision.parentId ?? (await openMajorIncident(context, incident, decision.memberIds.length, sla)).id
  for (const memberId of decision.memberIds) {
    if (memberId === parent) continue
    await changeIncident(context, { appId: incident.appId, maxTier: 'L3' }, memberId, (member) =>
      member.parentId !== null
        ? { fields: {}, events: [] }
        : { fields: { parentId: parent }, events: [{ type: 'grouped', actor: 'triage', visibility: 'internal', data: { parentId: parent, reason: decision.reason } }] },
    )
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
  )
}

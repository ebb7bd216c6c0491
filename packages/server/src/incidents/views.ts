/** What agents read of incidents: the list's summaries and the enriched ticket, as the wire shapes them. */
import type { Attachment, BreachRecord, IncidentEvent, IncidentSummary, Incident, Reasoning, ReportContext, SimilarIncident } from '@triage/protocol'
import type { BreachTick, Locale } from '@triage/engine'
import { answerDetails, breachChecklistLabels, breachProgress } from '@triage/engine'
import type { SlaClock } from '@triage/protocol'
import { categoryNames } from '@triage/protocol'
import { formatNumber } from '../ids.ts'
import type { EventRow, IncidentRow } from '../storage/incidents.ts'

export const iso = (ms: number) => new Date(ms).toISOString()
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))

/**
 * The state of one SLA clock at `now`, from its stored due and at-risk times (which already count
 * business hours and pauses).
 */
export function slaClock(dueAt: number | null, riskAt: number | null, metAt: number | null, now: number): SlaClock {
  if (dueAt === null) return { dueAt: null, metAt: isoOrNull(metAt), state: metAt === null ? 'running' : 'met' }
  let state: SlaClock['state']
  if (metAt !== null) state = metAt <= dueAt ? 'met' : 'missed'
  else if (now > dueAt) state = 'breached'
  else if (riskAt !== null && now >= riskAt) state = 'at_risk'
  else state = 'running'
  return { dueAt: iso(dueAt), metAt: isoOrNull(metAt), state }
}

/** A category's one name in a language; an app's own category id reads as its words. */
export function categoryLabel(category: string, language: Locale): string {
  // Own keys only: an app's category may be called `constructor` (found by the contract fuzz).
  const names: Record<string, string> = categoryNames[language]
  return Object.hasOwn(names, category) ? (names[category] as string) : category.replaceAll('_', ' ')
}

/** The reporter's contact details as the API gives them: only what they left. */
export function contactOf(row: IncidentRow): IncidentSummary['contact'] {
  const contact: IncidentSummary['contact'] = {}
  if (row.contactName !== null) contact.name = row.contactName
  if (row.contactEmail !== null) contact.email = row.contactEmail
  return contact
}

export function toIncidentSummary(row: IncidentRow, now: number, language: Locale = 'en'): IncidentSummary {
  const contact = contactOf(row)
  return {
    id: row.id,
    number: formatNumber(row.number),
    kind: row.kind,
    status: row.status,
    category: row.category,
    categoryLabel: categoryLabel(row.category, language),
    categoryConfidence: row.categoryConfidence,
    categorySource: row.categorySource,
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    tier: row.tier,
    assignee: row.assignee,
    symptoms: row.symptoms,
    answers: row.answers,
    contact,
    context: row.context as ReportContext,
    reasoning: row.reasoning as unknown as Reasoning,
    parentId: row.parentId,
    isMajor: row.isMajor,
    publicTitle: row.publicTitle,
    resolution: row.resolution,
    publicNote: row.publicNote,
    sla: {
      firstResponse: slaClock(row.firstResponseDueAt, row.firstResponseRiskAt, row.firstResponseAt, now),
      resolution: slaClock(row.resolutionDueAt, row.resolutionRiskAt, row.resolvedAt, now),
    },
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    closedAt: isoOrNull(row.closedAt),
    ...(row.erasedAt === null ? {} : { erasedAt: iso(row.erasedAt) }),
  }
}

function toIncidentEvent(row: EventRow): IncidentEvent {
  return {
    id: row.id,
    type: row.type as IncidentEvent['type'],
    at: iso(row.at),
    actor: row.actor,
    visibility: row.visibility,
    data: row.data,
  }
}

/**
 * A suspected breach's record (issue #19): its 72-hour deadline and checklist, each item as the
 * latest `breach_checked` event of the timeline left it. Undefined when the engine suspected none.
 */
export function breachRecord(row: IncidentRow, events: EventRow[], now: number, language: Locale): BreachRecord | undefined {
  const breach = (row.reasoning as unknown as Reasoning).breach
  if (!breach) return undefined
  const ticks: BreachTick[] = events
    .filter((event) => event.type === 'breach_checked')
    .map((event) => ({ item: event.data['item'] as BreachTick['item'], done: event.data['done'] === true, by: event.actor, at: event.at }))
  const notifyBy = Date.parse(breach.notifyBy)
  const progress = breachProgress(ticks, notifyBy, now)
  return {
    notifyBy: breach.notifyBy,
    state: progress.state,
    checklist: progress.checks.map((check) => ({ item: check.item, label: breachChecklistLabels[check.item][language], done: check.done, by: check.by, at: isoOrNull(check.at) })),
  }
}

/** The enriched ticket; `affected` is how many reports a major incident groups (null for others); `attachments` the reporter's files. */
export function toIncident(
  row: IncidentRow,
  events: EventRow[],
  similar: SimilarIncident[],
  now: number,
  language: Locale,
  affected: number | null,
  attachments: Attachment[],
): Incident {
  const breach = breachRecord(row, events, now, language)
  return {
    ...toIncidentSummary(row, now, language),
    timeline: events.map(toIncidentEvent),
    similar,
    answerDetails: answerDetails(row.answers, { locale: language }),
    affected,
    attachments,
    ...(breach ? { breach } : {}),
  }
}

import type {
  IncidentEvent,
  IncidentSummary,
  Incident,
  Reasoning,
  ReportContext,
  ReportCreated,
  ReportEvent,
  ReportView,
  IncidentStatus,
  SimilarIncident,
} from '@triage/protocol'
import type { SlaPolicy } from '@triage/engine'
import { slaPromise } from '@triage/engine'
import type { SlaClock } from '@triage/protocol'
import { formatNumber } from '../ids.ts'
import type { EventRow, IncidentRow } from '../storage/incidents.ts'

const iso = (ms: number) => new Date(ms).toISOString()
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

/** The reporter's language, from what the SDK captured. */
function reporterLocale(row: IncidentRow): 'en' | 'fr' {
  const locale = row.context['locale']
  return typeof locale === 'string' && locale.toLowerCase().startsWith('fr') ? 'fr' : 'en'
}

export function toReportCreated(row: IncidentRow, reporterToken: string): ReportCreated {
  return {
    id: row.id,
    number: formatNumber(row.number),
    reporterToken,
    status: row.status,
    category: row.category,
    priority: row.priority,
    createdAt: iso(row.createdAt),
  }
}

function toReportEvent(row: EventRow): ReportEvent {
  const event: ReportEvent = { type: row.type as ReportEvent['type'], at: iso(row.at) }
  if (typeof row.data['status'] === 'string') event.status = row.data['status'] as IncidentStatus
  if (typeof row.data['body'] === 'string') event.body = row.data['body']
  const author = row.data['author']
  if (author === 'agent' || author === 'reporter') event.author = author
  return event
}

/** The reporter's view: only public events, nothing an agent wrote for colleagues. */
export function toReportView(row: IncidentRow, publicEvents: EventRow[], policy?: SlaPolicy): ReportView {
  return {
    id: row.id,
    number: formatNumber(row.number),
    status: row.status,
    category: row.category,
    priority: row.priority,
    tier: row.tier,
    slaPromise: slaPromise(row.priority, reporterLocale(row), policy),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    timeline: publicEvents.map(toReportEvent),
    timelineLength: publicEvents.length,
  }
}

export function toIncidentSummary(row: IncidentRow, now: number): IncidentSummary {
  const contact: IncidentSummary['contact'] = {}
  if (row.contactName !== null) contact.name = row.contactName
  if (row.contactEmail !== null) contact.email = row.contactEmail
  return {
    id: row.id,
    number: formatNumber(row.number),
    kind: row.kind,
    status: row.status,
    category: row.category,
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

export function toIncident(row: IncidentRow, events: EventRow[], similar: SimilarIncident[], now: number): Incident {
  return { ...toIncidentSummary(row, now), timeline: events.map(toIncidentEvent), similar }
}

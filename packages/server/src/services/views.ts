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
} from '@triage/protocol'
import { formatNumber } from '../ids.ts'
import type { EventRow, IncidentRow } from '../storage/incidents.ts'

const iso = (ms: number) => new Date(ms).toISOString()

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
  return event
}

/** The reporter's view: only public events, nothing an agent wrote for colleagues. */
export function toReportView(row: IncidentRow, publicEvents: EventRow[]): ReportView {
  return {
    id: row.id,
    number: formatNumber(row.number),
    status: row.status,
    category: row.category,
    priority: row.priority,
    tier: row.tier,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    timeline: publicEvents.map(toReportEvent),
  }
}

export function toIncidentSummary(row: IncidentRow): IncidentSummary {
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
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
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

export function toIncident(row: IncidentRow, events: EventRow[]): Incident {
  return { ...toIncidentSummary(row), timeline: events.map(toIncidentEvent) }
}

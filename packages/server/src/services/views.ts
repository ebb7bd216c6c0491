import type {
  Attachment,
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
import type { Locale, SlaPolicy } from '@triage/engine'
import { answerDetails, languageOf, reporterPromise } from '@triage/engine'
import type { SlaClock } from '@triage/protocol'
import { categoryNames } from '@triage/protocol'
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
function reporterLocale(row: IncidentRow): Locale {
  const locale = row.context['locale']
  return languageOf(typeof locale === 'string' ? locale : undefined)
}

const summaryChars = 80

/**
 * The first words of the symptoms, to tell reports apart in a list: at most 80 characters, cut
 * between words, with an ellipsis when cut.
 */
export function summaryOf(symptoms: string): string {
  const text = symptoms.replace(/\s+/g, ' ').trim()
  if (text.length <= summaryChars) return text
  const cut = text.slice(0, summaryChars)
  const space = cut.lastIndexOf(' ')
  return `${(space > summaryChars / 2 ? cut.slice(0, space) : cut.slice(0, summaryChars - 1)).replace(/[\s,;:.]+$/, '')}…`
}

/** Whether agents' replies also reach this reporter by e-mail. */
const emailUpdates = (row: IncidentRow, sendsEmail: boolean) => sendsEmail && row.contactEmail !== null

export function toReportCreated(row: IncidentRow, reporterToken: string, sendsEmail = false): ReportCreated {
  return {
    id: row.id,
    number: formatNumber(row.number),
    reporterToken,
    status: row.status,
    category: row.category,
    priority: row.priority,
    createdAt: iso(row.createdAt),
    summary: summaryOf(row.symptoms),
    emailUpdates: emailUpdates(row, sendsEmail),
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

/** The events that say a status change in their own words: the `status_changed` written with them is not shown again. */
const statusWords = new Set(['resolved', 'closed', 'reopened'])

/**
 * The reporter's timeline: each status change once. A resolution, closing or reopening is written
 * as its `status_changed` event and its own event at the same instant; the reporter reads the latter.
 */
function reporterTimeline(publicEvents: EventRow[]): EventRow[] {
  return publicEvents.filter((event, index) => {
    const next = publicEvents[index + 1]
    return !(event.type === 'status_changed' && next && next.at === event.at && statusWords.has(next.type))
  })
}

/** The reporter's view: only public events, nothing an agent wrote for colleagues. */
export function toReportView(row: IncidentRow, publicEvents: EventRow[], policy?: SlaPolicy, sendsEmail = false): ReportView {
  const timeline = reporterTimeline(publicEvents).map(toReportEvent)
  return {
    id: row.id,
    number: formatNumber(row.number),
    status: row.status,
    category: row.category,
    priority: row.priority,
    tier: row.tier,
    slaPromise: reporterPromise(row, reporterLocale(row), policy),
    summary: summaryOf(row.symptoms),
    emailUpdates: emailUpdates(row, sendsEmail),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    timeline,
    timelineLength: timeline.length,
  }
}

/** A category's one name in a language; an app's own category id reads as its words. */
export function categoryLabel(category: string, language: Locale): string {
  // Own names only: an app's category named `__proto__` or `constructor` is words, not the object's.
  const names = categoryNames[language]
  return (Object.hasOwn(names, category) ? names[category] : undefined) ?? category.replaceAll('_', ' ')
}

export function toIncidentSummary(row: IncidentRow, now: number, language: Locale = 'en'): IncidentSummary {
  const contact: IncidentSummary['contact'] = {}
  if (row.contactName !== null) contact.name = row.contactName
  if (row.contactEmail !== null) contact.email = row.contactEmail
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
  return {
    ...toIncidentSummary(row, now, language),
    timeline: events.map(toIncidentEvent),
    similar,
    answerDetails: answerDetails(row.answers, { locale: language }),
    affected,
    attachments,
  }
}

/** What a reporter reads of their report: the 201, the report view and its public timeline. */
import type { IncidentStatus, ReportCreated, ReportEvent, ReportView } from '@triage/protocol'
import type { Locale, SlaPolicy } from '@triage/engine'
import { languageOf, reporterPromise } from '@triage/engine'
import { formatNumber } from '../ids.ts'
import { iso } from '../incidents/views.ts'
import { toReportAttachment } from '../attachments/views.ts'
import type { AttachmentRow } from '../storage/attachments.ts'
import type { EventRow, IncidentRow } from '../storage/incidents.ts'

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

/** The public timeline as the reporter reads it (also what their data export holds). */
export function toReportTimeline(publicEvents: EventRow[]): ReportEvent[] {
  return reporterTimeline(publicEvents).map(toReportEvent)
}

/**
 * The reporter's view: only public events, nothing an agent wrote for colleagues; the files they
 * sent by name, type and size (downloading them is the agents').
 */
export function toReportView(row: IncidentRow, publicEvents: EventRow[], policy?: SlaPolicy, sendsEmail = false, files: readonly AttachmentRow[] = []): ReportView {
  const timeline = toReportTimeline(publicEvents)
  const view: ReportView = {
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
  if (files.length > 0) view.attachments = files.map(toReportAttachment)
  return view
}

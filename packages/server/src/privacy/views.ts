/** What an export holds of one incident: what the person wrote, what they were told, their files. */
import type { ExportedIncident, ReportContext } from '@triage/protocol'
import { toAttachment } from '../attachments/views.ts'
import { formatNumber } from '../ids.ts'
import { contactOf, iso } from '../incidents/views.ts'
import { toReportTimeline } from '../reports/views.ts'
import type { AttachmentRow } from '../storage/attachments.ts'
import type { EventRow, IncidentRow } from '../storage/incidents.ts'

export function toExportedIncident(row: IncidentRow, publicEvents: EventRow[], attachments: AttachmentRow[]): ExportedIncident {
  const contact: ExportedIncident['contact'] = contactOf(row)
  return {
    id: row.id,
    number: formatNumber(row.number),
    kind: row.kind,
    status: row.status,
    category: row.category,
    priority: row.priority,
    tier: row.tier,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    resolvedAt: row.resolvedAt === null ? null : iso(row.resolvedAt),
    closedAt: row.closedAt === null ? null : iso(row.closedAt),
    symptoms: row.symptoms,
    answers: row.answers,
    contact,
    context: row.context as ReportContext,
    timeline: toReportTimeline(publicEvents),
    attachments: attachments.map((attachment) => ({ ...toAttachment(attachment), href: `/v1/incidents/${row.id}/attachments/${attachment.id}` })),
  }
}

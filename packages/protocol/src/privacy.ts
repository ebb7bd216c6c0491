/**
 * A person's rights over what they reported (GDPR art. 15 and 17), the app's retention, and the
 * audit trail of who did what: `/v1/admin/reporters/…`, `/v1/admin/audit`, `/v1/incidents/:id/breach`.
 * See docs/privacy.md.
 */
import type { Attachment } from './attachment.ts'
import type { DiagnosticAnswer, ReportContact, ReportContext, ReportEvent } from './report.ts'
import type { BreachChecklistItem, IncidentKind, IncidentStatus, Priority, Tier } from './vocabulary.ts'

/** Whose data: the e-mail address they left on their reports, or their verified user id in your app. */
export type ReporterSubject = { email: string } | { userId: string }

/** `GET /v1/admin/reporters/export`: one of `email` or `userId`; `cursor` continues a long export. */
export interface ReporterExportQuery {
  email?: string
  userId?: string
  cursor?: string
}

/** An attachment in an export: its metadata, and where an admin key downloads its bytes. */
export interface ExportedAttachment extends Attachment {
  /** `GET` it with an admin key: `/v1/incidents/:id/attachments/:attachmentId`. */
  href: string
}

/** One of the person's incidents, as they wrote it and as they were answered. */
export interface ExportedIncident {
  id: string
  number: string
  kind: IncidentKind
  status: IncidentStatus
  category: string
  priority: Priority
  tier: Tier
  createdAt: string
  updatedAt: string
  resolvedAt: string | null
  closedAt: string | null
  symptoms: string
  answers: Record<string, DiagnosticAnswer>
  contact: ReportContact
  context: ReportContext
  /** The public timeline: their messages, the agents' public replies, status changes, the resolution note. */
  timeline: ReportEvent[]
  attachments: ExportedAttachment[]
}

/** Everything the app holds about one person (GDPR art. 15), a page of incidents at a time. */
export interface ReporterExport {
  subject: ReporterSubject
  app: { id: string; name: string }
  exportedAt: string
  /** Oldest first. */
  incidents: ExportedIncident[]
  /** More of their incidents: pass it back as `cursor`. null: this page ends the export. */
  nextCursor: string | null
}

/** `POST /v1/admin/reporters/erase`: one of `email` or `userId`. */
export type ErasureRequest = ReporterSubject

/** How many of the person's incidents were erased by this request (0 when none was left). */
export interface ErasureResult {
  incidents: number
}

/** What an audit entry records. */
export const auditActions = [
  'reporter.exported',
  'reporter.erasure_requested',
  'incident.erased',
  'incident.anonymized',
  'incident.read',
  'attachment.downloaded',
  'breach.checked',
  'app.updated',
  'key.created',
  'key.revoked',
  'webhook.created',
  'webhook.secret_rotated',
  'webhook.stopped',
] as const
export type AuditAction = (typeof auditActions)[number]

/** Who did it: a key's or agent's name (with the key's id), `retention` for the app's retention sweep, `cli:<user>` for the admin CLI. */
export interface AuditActor {
  name: string
  id: string | null
}

/** Whose data an export or erasure was about: a keyed digest and a hint, never the address or id itself. */
export interface AuditSubject {
  kind: 'email' | 'userId'
  /** HMAC-SHA256 of the normalized address or id with the server's secret: the same person, the same digest. */
  digest: string
  /** Enough for a person to recognise it (`a…@example.com`), not to read it. */
  hint: string
}

/** One entry of the append-only audit trail. */
export interface AuditEntry {
  id: string
  /** ISO 8601. */
  at: string
  actor: AuditActor
  action: AuditAction
  /** The incident concerned, if any. */
  incidentId: string | null
  subject: AuditSubject | null
  details: Record<string, unknown>
}

/** `GET /v1/admin/audit`, newest first. */
export interface AuditQuery {
  /** ISO 8601, inclusive. */
  from?: string
  /** ISO 8601, exclusive. */
  to?: string
  /** An actor's name as entries show it. */
  actor?: string
  /** An incident id. */
  incident?: string
  cursor?: string
  limit?: number
}

export interface AuditList {
  items: AuditEntry[]
  nextCursor: string | null
}

/** `POST /v1/incidents/:id/breach`: tick (or untick) one item of a suspected breach's checklist. */
export interface BreachCheckRequest {
  item: BreachChecklistItem
  done: boolean
}

import type { Attachment, AttachmentContentType, AttachmentCreated, ReportAttachment } from '@triage/protocol'
import type { AttachmentRow } from '../storage/attachments.ts'

/** The upload's answer: what was stored, under which id. */
export function toAttachmentCreated(row: AttachmentRow): AttachmentCreated {
  return { id: row.id, name: row.name, contentType: row.contentType as AttachmentContentType, size: row.size }
}

/** A file as its reporter sees it on their report: what they sent, with no id to fetch it by. */
export function toReportAttachment(row: AttachmentRow): ReportAttachment {
  const { id: _id, ...file } = toAttachmentCreated(row)
  return file
}

/** An attachment as the enriched ticket lists it. */
export function toAttachment(row: AttachmentRow): Attachment {
  return { ...toAttachmentCreated(row), createdAt: new Date(row.createdAt).toISOString() }
}

/** What a webhook and the timeline say of an attachment: its metadata and hash, never its bytes. */
export function attachmentEventData(row: AttachmentRow): Record<string, unknown> {
  return { attachment: { ...toAttachmentCreated(row), sha256: row.sha256 } }
}

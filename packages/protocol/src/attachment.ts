/**
 * Files a reporter sends with a report: screenshots, photos, PDFs and logs. Their type is decided
 * by their first bytes on the server, never by the name or the header the client sent.
 */

/** The types a server stores (and answers as `contentType`): raster images, PDF and plain text or logs. */
export const attachmentContentTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf', 'text/plain'] as const
export type AttachmentContentType = (typeof attachmentContentTypes)[number]

/**
 * Raster images, which a browser shows without running anything: the server serves only these
 * `inline` (everything else downloads), and the console shows them as pictures.
 */
export function isRasterImage(contentType: string): boolean {
  return contentType === 'image/png' || contentType === 'image/jpeg' || contentType === 'image/webp' || contentType === 'image/gif'
}

/** `201` answer of `POST /v1/reports/:id/attachments`, and each file sent with a report. */
export interface AttachmentCreated {
  id: string
  /** The file name as given, without any folder, at most 200 characters. */
  name: string
  contentType: AttachmentContentType
  /** Bytes as stored (a JPEG's location metadata removed). */
  size: number
}

/** An attachment as the enriched ticket lists it (`GET /v1/incidents/:id`). */
export interface Attachment extends AttachmentCreated {
  /** ISO 8601. */
  createdAt: string
}

/** A file as its reporter sees it on their report (`GET /v1/reports/:id`): what was sent, not a way to fetch it. */
export type ReportAttachment = Pick<AttachmentCreated, 'name' | 'contentType' | 'size'>

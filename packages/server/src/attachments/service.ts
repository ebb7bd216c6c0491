import type { AttachmentContentType, AttachmentCreated, AuditActor, ReportCreate } from '@triage/protocol'
import { limits } from '@triage/protocol'
import { newId } from '../ids.ts'
import { sha256HexOfBytes } from '../security/crypto.ts'
import type { AttachmentRow } from '../storage/attachments.ts'
import { appAttachmentBytes, attachmentTotals, deleteIncidentAttachments, findAttachment, findAttachmentByKey, insertAttachmentOnce } from '../storage/attachments.ts'
import type { BlobStore } from '../storage/blob-store.ts'
import { BlobBusyError } from '../storage/blob-leases.ts'
import type { IncidentRow } from '../storage/incidents.ts'
import { findIncidentById } from '../storage/incidents.ts'
import type { ServiceContext } from '../domain/context.ts'
import { defaultAttachmentQuotaBytes } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { recordAudit } from '../privacy/audit.ts'
import type { Scope } from '../domain/visibility.ts'
import { findVisibleIncident } from '../incidents/changes.ts'
import { authorizeReporter, erasedReport } from '../reports/reporter-actions.ts'
import type { CreatedReport } from '../reports/service.ts'
import { createReport } from '../reports/service.ts'
import { cleanFileName } from './file-name.ts'
import { fileTypeOf } from './file-type.ts'
import { stripMetadata } from './metadata.ts'
import { attachmentEventData, toAttachmentCreated } from './views.ts'

/** A file as it arrived: the part's name and declared type, and its bytes. */
export interface Upload {
  name: string
  declaredType: string
  bytes: Uint8Array
}

/** A file checked and ready to store: its real type, its bytes without location metadata, their hash. */
interface CheckedFile {
  name: string
  contentType: AttachmentContentType
  bytes: Uint8Array
  sha256: string
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

function blobsOf(context: ServiceContext): BlobStore {
  if (!context.blobs) {
    throw new DomainError(
      'unavailable',
      'This server has no storage for attachments: on Workers, bind an R2 bucket as ATTACHMENTS (see the README). The report itself can still be sent without files.',
    )
  }
  return context.blobs
}

function limitsOf(context: ServiceContext) {
  return { filesPerReport: limits.attachmentsPerReport, bytesPerReport: limits.reportAttachmentBytes, bytesPerApp: context.attachmentQuotaBytes ?? defaultAttachmentQuotaBytes }
}

/**
 * Checks a file before anything is stored: not empty, at most 10 MB, a type its bytes prove
 * (file-type.ts), no location left in it (metadata.ts). Refusals say what to send instead.
 */
export async function checkUpload(upload: Upload): Promise<CheckedFile> {
  const name = cleanFileName(upload.name, 'attachment')
  if (upload.bytes.byteLength === 0) throw new DomainError('invalid_input', `The file ${name} is empty. Attach the file again.`)
  if (upload.bytes.byteLength > limits.attachmentBytes) {
    throw new DomainError(
      'too_large',
      `The file ${name} is ${megabytes(upload.bytes.byteLength)}; each file may be at most ${megabytes(limits.attachmentBytes)}. Send a smaller one (crop the screenshot, or send the end of the log).`,
    )
  }
  const type = fileTypeOf(upload.bytes, upload.declaredType)
  if (!type.ok) {
    throw new DomainError('unsupported_type', `The file ${name} is refused: ${type.reason}. Attach PNG, JPEG, WebP or GIF images, PDF documents, or plain-text logs.`)
  }
  const bytes = stripMetadata(upload.bytes, type.contentType)
  if (!bytes) throw new DomainError('unsupported_type', `The file ${name} starts like a ${type.contentType} but is damaged. Save it again, or attach a screenshot of it.`)
  return { name, contentType: type.contentType, bytes, sha256: await sha256HexOfBytes(bytes) }
}

/** Why a file does not fit in what the report and the app have stored: the precise refusal. */
function refusal(totals: { files: number; bytes: number; appBytes: number }, size: number, context: ServiceContext): DomainError | undefined {
  const bounds = limitsOf(context)
  if (totals.files >= bounds.filesPerReport) {
    return new DomainError(
      'too_many_attachments',
      `This report already has ${totals.files} files, the most a report can have (${bounds.filesPerReport}). Keep the ones that show the problem best.`,
    )
  }
  if (totals.bytes + size > bounds.bytesPerReport) {
    return new DomainError(
      'too_large',
      `This report already has ${megabytes(totals.bytes)} of files; with this one (${megabytes(size)}) it would pass the ${megabytes(bounds.bytesPerReport)} a report can hold. Send a smaller file.`,
    )
  }
  if (totals.appBytes + size > bounds.bytesPerApp) {
    return new DomainError(
      'quota_exceeded',
      `This app has used ${megabytes(totals.appBytes)} of its ${megabytes(bounds.bytesPerApp)} of attachment storage. Send the report without the file, and ask the app's Triage admin to erase old incidents' data or raise TRIAGE_ATTACHMENT_QUOTA_MB.`,
    )
  }
  return undefined
}

/** The same key with the same file answers the first upload; with another file it is refused. */
function replayOf(stored: AttachmentRow, file: CheckedFile): { attachment: AttachmentCreated; replayed: true } {
  if (stored.sha256 !== file.sha256 || stored.name !== file.name) {
    throw new DomainError('idempotency_key_reused', 'This Idempotency-Key already attached another file to this report. Use a new key for a new file.')
  }
  return { attachment: toAttachmentCreated(stored), replayed: true }
}

export interface StoredAttachment {
  attachment: AttachmentCreated
  /** True when the idempotency key had already stored this file. */
  replayed: boolean
}

/**
 * Stores a checked file as an attachment of `incident`: once per idempotency key, within the
 * report's and the app's limits, visible only once all of it is stored (storage/attachments.ts).
 */
async function storeAttachment(context: ServiceContext, incident: IncidentRow, file: CheckedFile, idempotencyKey: string | null): Promise<StoredAttachment> {
  const blobs = blobsOf(context)
  const { db } = context
  if (idempotencyKey !== null) {
    const stored = await findAttachmentByKey(db, incident.id, idempotencyKey)
    if (stored) return replayOf(stored, file)
  }
  const tooMuch = refusal(await attachmentTotals(db, incident.appId, incident.id), file.bytes.byteLength, context)
  if (tooMuch) throw tooMuch
  const now = context.now()
  const row: AttachmentRow = {
    id: newId('att', now),
    appId: incident.appId,
    incidentId: incident.id,
    idempotencyKey,
    name: file.name,
    contentType: file.contentType,
    size: file.bytes.byteLength,
    sha256: file.sha256,
    createdAt: now,
  }
  const event = { id: newId('evt', now), type: 'attached', actor: 'reporter', visibility: 'internal' as const, data: attachmentEventData(row), at: now }
  let stored: AttachmentRow | undefined
  try {
    stored = await insertAttachmentOnce(db, blobs, { row, content: file, incident, event, revision: newId('rev', now) }, limitsOf(context))
  } catch (error) {
    if (error instanceof BlobBusyError) throw new DomainError('unavailable', 'The same file is being deleted from storage right now. Send it again in a minute.')
    throw error
  }
  if (stored?.id === row.id) return { attachment: toAttachmentCreated(stored), replayed: false }
  if (stored) return replayOf(stored, file)
  // A concurrent upload took the last place, the incident's data was erased, or (after a very
  // long pause) the bytes' lease ran out and they were collected.
  const tooMuchNow = refusal(await attachmentTotals(db, incident.appId, incident.id), row.size, context)
  if (tooMuchNow) throw tooMuchNow
  const current = await findIncidentById(db, incident.id)
  if (!current) throw new DomainError('not_found', 'This report no longer exists.')
  if (current.erasedAt !== null) throw erasedReport()
  throw new DomainError('unavailable', 'The file could not be stored this time. Send it again (with the same Idempotency-Key).')
}

/**
 * The reporter attaches a file to their report (reporter token). The body is read only once the
 * token is checked and the report has room for another file: `read` is called then.
 */
export async function attachToReport(
  context: ServiceContext,
  reportId: string,
  reporterToken: string,
  read: () => Promise<Upload>,
  idempotencyKey: string | null,
): Promise<StoredAttachment> {
  const incident = await authorizeReporter(context, reportId, reporterToken)
  blobsOf(context)
  if (idempotencyKey === null) {
    const tooMuch = refusal(await attachmentTotals(context.db, incident.appId, incident.id), 0, context)
    if (tooMuch) throw tooMuch
  }
  return storeAttachment(context, incident, await checkUpload(await read()), idempotencyKey)
}

/**
 * A report sent with its files in one request (a screenshot with the report itself). Every file is
 * checked before the report is written, so a refused file leaves no report without it. With an
 * Idempotency-Key, a retry answers the same report and the same attachments (each file takes the
 * key with its position, `<key>#<n>`), and stores any the first try did not.
 */
export async function createReportWithAttachments(
  context: ServiceContext,
  caller: Parameters<typeof createReport>[1],
  input: ReportCreate,
  idempotencyKey: string | null,
  uploads: Upload[],
): Promise<CreatedReport> {
  const bounds = limitsOf(context)
  if (uploads.length > bounds.filesPerReport) {
    throw new DomainError(
      'too_many_attachments',
      `This report has ${uploads.length} files; a report can have at most ${bounds.filesPerReport}. Keep the ones that show the problem best.`,
    )
  }
  blobsOf(context)
  const files: CheckedFile[] = []
  for (const upload of uploads) files.push(await checkUpload(upload))
  const size = files.reduce((sum, file) => sum + file.bytes.byteLength, 0)
  // Room in the app's quota is checked now, so the report is not written without its files.
  const tooMuch = refusal({ files: 0, bytes: 0, appBytes: await appAttachmentBytes(context.db, caller.appId) }, size, context)
  if (tooMuch) throw tooMuch
  const created = await createReport(context, caller, input, idempotencyKey)
  const incident = await findIncidentById(context.db, created.report.id)
  if (!incident) throw new Error(`report ${created.report.id} was not found right after it was written`)
  const attachments: AttachmentCreated[] = []
  for (const [index, file] of files.entries()) {
    attachments.push((await storeAttachment(context, incident, file, idempotencyKey === null ? null : `${idempotencyKey}#${index}`)).attachment)
  }
  return { report: { ...created.report, attachments }, replayed: created.replayed }
}

export interface AttachmentDownload {
  attachment: AttachmentRow
  body: ReadableStream<Uint8Array>
}

/**
 * An attachment's bytes for an agent: only of an incident their key may see (their app, their
 * tier and below); anything else is the same 404, so ids cannot be probed. The download is on the
 * audit trail, under `actor`.
 */
export async function openAttachment(context: ServiceContext, scope: Scope, actor: AuditActor, incidentId: string, attachmentId: string): Promise<AttachmentDownload> {
  const incident = await findVisibleIncident(context, scope, incidentId)
  const attachment = await findAttachment(context.db, incident.id, attachmentId)
  if (!attachment) throw new DomainError('not_found', `No attachment ${attachmentId} on incident ${incidentId}. The enriched ticket lists its attachments.`)
  // Its id only: the file's name is the reporter's, and goes when their data is erased.
  await recordAudit(context, incident.appId, actor, { action: 'attachment.downloaded', incidentId: incident.id, details: { attachmentId: attachment.id } })
  const body = await blobsOf(context).open(attachment.sha256, attachment.size)
  if (!body) throw new Error(`the bytes of attachment ${attachment.id} (${attachment.sha256}) are missing from ${context.blobs?.kind} storage`)
  return { attachment, body }
}

/**
 * Deletes every attachment of these incidents and their bytes (unless another attachment shares
 * them), and gives their size back to the app's quota. What erasing an incident's data calls.
 *
 * @returns how many attachments were deleted
 */
export function eraseIncidentAttachments(context: ServiceContext, incidentIds: string[]): Promise<number> {
  return deleteIncidentAttachments(context.db, blobsOf(context), incidentIds)
}

import type { SQL } from 'drizzle-orm'
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import { attachments, attachmentUsage, incidentEvents, incidents } from '../db/schema.ts'
import type { BlobStore, ContentBytes } from './blob-store.ts'
import type { Database } from '../db/database.ts'
import type { NewEvent } from './incidents.ts'
import { readByIncident } from './incidents.ts'
import type { IncidentSnapshot } from './outbox.ts'
import { outboxStatements } from './outbox.ts'

export type AttachmentRow = typeof attachments.$inferSelect

/** What one report's attachments and one app's may add up to. */
export interface AttachmentLimits {
  filesPerReport: number
  bytesPerReport: number
  /** The app's quota, in bytes. */
  bytesPerApp: number
}

/** What is stored so far: for a report, and for its app (against the quota). */
export interface AttachmentTotals {
  files: number
  bytes: number
  appBytes: number
}

export async function attachmentTotals(db: Database, appId: string, incidentId: string): Promise<AttachmentTotals> {
  const [row] = await db.all<{ files: number; bytes: number; appBytes: number }>(sql`select
      (select count(*) from ${attachments} where ${attachments.incidentId} = ${incidentId}) as files,
      (select coalesce(sum(size), 0) from ${attachments} where ${attachments.incidentId} = ${incidentId}) as bytes,
      coalesce((select bytes from ${attachmentUsage} where ${attachmentUsage.appId} = ${appId}), 0) as appBytes`)
  return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0), appBytes: Number(row?.appBytes ?? 0) }
}

/** An app's attachment bytes so far, as its quota counts them. */
export async function appAttachmentBytes(db: Database, appId: string): Promise<number> {
  const [row] = await db.select({ bytes: attachmentUsage.bytes }).from(attachmentUsage).where(eq(attachmentUsage.appId, appId))
  return row?.bytes ?? 0
}

export interface AttachmentWrite {
  row: AttachmentRow
  content: ContentBytes
  /** The incident as the webhook payload shows it. */
  incident: IncidentSnapshot
  /** The `attached` event written with the row. */
  event: NewEvent
  /** The incident's new revision: an attachment changes the ticket (its ETag, its updated_at). */
  revision: string
}

/**
 * Stores an attachment's bytes (under a lease), then writes in one transaction its row with
 * everything that goes with it — its `attached` event and webhook deliveries, the incident's new
 * revision and the app's usage — but only if the incident still exists and its data was not
 * erased, no attachment of this
 * incident holds the idempotency key, the limits still hold once it is counted, and its bytes are
 * still staged. The conditions are checked by the insert itself, so concurrent uploads cannot
 * pass a limit together: SQLite (libSQL, D1) runs one write transaction at a time. Bytes staged
 * for a row that was not written are collected once their lease is over.
 *
 * @returns the attachment that now holds this upload's place: the new one, or the one that already
 *   held its idempotency key; undefined when a condition refused it (see attachmentTotals for which)
 */
export async function insertAttachmentOnce(db: Database, blobs: BlobStore, write: AttachmentWrite, limits: AttachmentLimits): Promise<AttachmentRow | undefined> {
  const { row, event } = write
  const written = sql`exists (select 1 from ${attachments} where ${attachments.id} = ${row.id})`
  // The bytes first, under a lease (blob-leases.ts); the row makes them visible, whole or not at all.
  const lease = await blobs.stage(write.content)
  // Query builders rather than db.run: drizzle's D1 batch takes only those.
  const insert = db.insert(attachments).select(sql`
    select ${row.id}, ${row.appId}, ${row.incidentId}, ${row.idempotencyKey}, ${row.name}, ${row.contentType}, ${row.size}, ${row.sha256}, ${row.createdAt}
    where exists (select 1 from ${incidents} where ${incidents.id} = ${row.incidentId} and ${incidents.erasedAt} is null)
      and (${row.idempotencyKey} is null or not exists (select 1 from ${attachments} where ${attachments.incidentId} = ${row.incidentId} and ${attachments.idempotencyKey} = ${row.idempotencyKey}))
      and (select count(*) from ${attachments} where ${attachments.incidentId} = ${row.incidentId}) < ${limits.filesPerReport}
      and (select coalesce(sum(size), 0) from ${attachments} where ${attachments.incidentId} = ${row.incidentId}) + ${row.size} <= ${limits.bytesPerReport}
      and coalesce((select bytes from ${attachmentUsage} where ${attachmentUsage.appId} = ${row.appId}), 0) + ${row.size} <= ${limits.bytesPerApp}
      and ${blobs.staged(lease)}`)
  const usage = db
    .insert(attachmentUsage)
    .select(sql`select ${row.appId}, ${row.size} where ${written}`)
    .onConflictDoUpdate({ target: attachmentUsage.appId, set: { bytes: sql`${attachmentUsage.bytes} + excluded.bytes` } })
  const touch = db
    .update(incidents)
    .set({ revision: write.revision, updatedAt: row.createdAt })
    .where(and(eq(incidents.id, row.incidentId), written))
  const eventInsert = db.insert(incidentEvents).select(sql`
    select ${event.id}, ${row.incidentId}, ${event.type}, ${event.actor}, ${event.visibility}, ${JSON.stringify(event.data)}, ${event.at} where ${written}`)
  // Queued only if the incident is at the revision written above, so only with the attachment.
  const outbox = outboxStatements(db, [{ incident: write.incident, events: [event], revision: write.revision }])
  await db.batch([insert, blobs.settle(lease, written), usage, touch, eventInsert, ...outbox])
  const keyHolder = row.idempotencyKey === null ? undefined : and(eq(attachments.incidentId, row.incidentId), eq(attachments.idempotencyKey, row.idempotencyKey))
  const [stored] = await db
    .select()
    .from(attachments)
    .where(keyHolder ? or(eq(attachments.id, row.id), keyHolder) : eq(attachments.id, row.id))
    .limit(1)
  return stored
}

/** The attachment holding an idempotency key of an incident, if one does. */
export async function findAttachmentByKey(db: Database, incidentId: string, idempotencyKey: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.incidentId, incidentId), eq(attachments.idempotencyKey, idempotencyKey)))
    .limit(1)
  return row
}

/** An incident's attachments, oldest first. */
export async function listAttachments(db: Database, incidentId: string): Promise<AttachmentRow[]> {
  return db.select().from(attachments).where(eq(attachments.incidentId, incidentId)).orderBy(asc(attachments.createdAt), asc(attachments.id))
}

/** The attachments of many incidents, each one's oldest first (for the followers' views of many changed reports). */
export async function attachmentsOfIncidents(db: Database, ids: readonly string[]): Promise<Map<string, AttachmentRow[]>> {
  return readByIncident(ids, (some) =>
    db.select().from(attachments).where(inArray(attachments.incidentId, some)).orderBy(asc(attachments.incidentId), asc(attachments.createdAt), asc(attachments.id)),
  )
}

/** One attachment of one incident; never another incident's, whatever the id. */
export async function findAttachment(db: Database, incidentId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.incidentId, incidentId), eq(attachments.id, id)))
    .limit(1)
  return row
}

/**
 * Deletes every attachment of the given incidents, with their bytes wherever no other attachment
 * shares them, and gives their size back to each app's quota: the rows in one transaction, so an
 * upload racing the deletion either is deleted with the rest or lands after it; the bytes right
 * after, by `collect` (unless an upload of the same bytes holds them). For the privacy erasure of
 * an incident's data (issue #19).
 *
 * @returns how many attachments were deleted
 */
export async function deleteIncidentAttachments(db: Database, blobs: BlobStore, incidentIds: string[]): Promise<number> {
  if (incidentIds.length === 0) return 0
  // One JSON parameter, whatever the number of incidents (D1 takes at most 100 parameters).
  const leaving: SQL = sql`${attachments.incidentId} in (select value from json_each(${JSON.stringify(incidentIds)}))`
  const usage = db
    .update(attachmentUsage)
    .set({
      bytes: sql`max(0, ${attachmentUsage.bytes} - (select coalesce(sum(size), 0) from ${attachments} where ${attachments.appId} = ${attachmentUsage.appId} and ${leaving}))`,
    })
    .where(sql`${attachmentUsage.appId} in (select ${attachments.appId} from ${attachments} where ${leaving})`)
  const rows = db.delete(attachments).where(leaving).returning({ id: attachments.id })
  const results = await db.batch([usage, ...blobs.release(leaving), rows])
  await blobs.collect()
  return (results[results.length - 1] as { id: string }[]).length
}

/**
 * Storage of the privacy erasure (src/privacy/erasure.ts): finding a person's incidents, the
 * recorded erasure jobs, and the one batch that erases a group of incidents — their row, their
 * timeline's personal text and the webhook payloads that copied it — in one transaction.
 */
import type { SQL } from 'drizzle-orm'
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { apps, attachments, erasureJobs, incidentEvents, incidents, webhookDeliveries } from '../db/schema.ts'
import type { Database } from '../db/database.ts'
import type { AuditRow } from './audit.ts'
import { auditInsert } from './audit.ts'
import type { IncidentRow, NewEvent } from './incident-rows.ts'
import { jsonText } from './json-text.ts'
import type { IncidentSnapshot } from './outbox.ts'
import { outboxStatements } from './outbox.ts'

/** Whose incidents: the contact e-mail (without case) or the verified user id. */
export type ReporterKey = { email: string } | { userId: string }

function ofReporter(appId: string, reporter: ReporterKey): SQL | undefined {
  // The expression and the partial condition are the index's own (incidents_app_contact_email).
  return 'email' in reporter
    ? and(eq(incidents.appId, appId), sql`lower(${incidents.contactEmail}) = ${reporter.email.trim().toLowerCase()}`, isNotNull(incidents.contactEmail))
    : and(eq(incidents.appId, appId), eq(incidents.reporterUserId, reporter.userId))
}

/** A person's incidents in one app, oldest first, after the (created_at, id) of a previous page. */
export function reporterIncidents(db: Database, appId: string, reporter: ReporterKey, after: [number, string] | undefined, limit: number) {
  return db
    .select()
    .from(incidents)
    .where(and(ofReporter(appId, reporter), after ? sql`(${incidents.createdAt}, ${incidents.id}) > (${after[0]}, ${after[1]})` : undefined))
    .orderBy(asc(incidents.createdAt), asc(incidents.id))
    .limit(limit)
}

/** The ids of a person's incidents in one app (those not erased: an erased one no longer names them), oldest first. */
export async function reporterIncidentIds(db: Database, appId: string, reporter: ReporterKey): Promise<string[]> {
  const rows = await db.select({ id: incidents.id }).from(incidents).where(ofReporter(appId, reporter)).orderBy(asc(incidents.createdAt), asc(incidents.id))
  return rows.map((row) => row.id)
}

export type ErasureJobRow = typeof erasureJobs.$inferSelect

/** Records an erasure job, with the audit entries of its request, in one transaction. */
export async function insertErasureJob(db: Database, job: ErasureJobRow, audit: AuditRow[]): Promise<void> {
  await db.batch([db.insert(erasureJobs).values(job), ...(audit.length > 0 ? [auditInsert(db, audit)] : [])])
}

/** Erasures not finished yet (of one app, or all), oldest first. */
export function unfinishedErasureJobs(db: Database, limit: number, appId?: string) {
  return db
    .select()
    .from(erasureJobs)
    .where(and(isNull(erasureJobs.finishedAt), appId === undefined ? undefined : eq(erasureJobs.appId, appId)))
    .orderBy(asc(erasureJobs.requestedAt))
    .limit(limit)
}

export async function finishErasureJob(db: Database, id: string, now: number): Promise<void> {
  await db
    .update(erasureJobs)
    .set({ finishedAt: now })
    .where(and(eq(erasureJobs.id, id), isNull(erasureJobs.finishedAt)))
}

/**
 * Of these incidents, the ones an erasure has left to do (json_each reads them in their order, no sort): not yet erased, or with
 * attachments still stored (the rows are rewritten first, the files deleted right after).
 */
export async function incidentsLeftToErase(db: Database, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const list = jsonText(ids)
  const rows = await db.all<{ id: string }>(sql`
    select value as id from json_each(${list})
    where exists (select 1 from ${incidents} i where i.id = value and i.erased_at is null)
      or exists (select 1 from ${attachments} a where a.incident_id = value)`)
  return rows.map((row) => row.id)
}

/** Every major incident each of these reports was ever grouped under (a split one no longer points to it): those quote their first report. */
export async function majorsOf(db: Database, ids: string[]): Promise<{ incidentId: string; parentId: string }[]> {
  return db.all<{ incidentId: string; parentId: string }>(sql`
    select distinct incident_id as incidentId, data ->> '$.parentId' as parentId from ${incidentEvents}
    where incident_id in (select value from json_each(${jsonText(ids)})) and type in ('grouped', 'ungrouped') and data ->> '$.parentId' is not null`)
}

/** Apps with a retention period, and how many days. */
export function appsWithRetention(db: Database) {
  return db.select({ id: apps.id, retentionDays: apps.retentionDays }).from(apps).where(isNotNull(apps.retentionDays))
}

/** An app's closed incidents not yet erased that closed before `cutoff`, longest closed first (the incidents_retention index). */
export async function closedBefore(db: Database, appId: string, cutoff: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), sql`${incidents.status} = 'closed' and ${incidents.erasedAt} is null`, sql`${incidents.closedAt} < ${cutoff}`))
    .orderBy(asc(incidents.closedAt))
    .limit(limit)
  return rows.map((row) => row.id)
}

/** One incident's erasure, worked out from its row (see privacy/anonymize.ts). */
export interface IncidentErasure {
  id: string
  /** Its new revision: the events, deliveries and audit entry below land only if the update took it. */
  revision: string
  fields: Pick<IncidentRow, 'contactName' | 'answers' | 'context' | 'reasoning'>
  /** The `erased` event on its timeline. */
  event: NewEvent
  snapshot: IncidentSnapshot
  audit: AuditRow
}

/** A major incident's text quotes the report it opened from (`Like INC-000123: …`): that quote goes too. */
export interface QuotedReport {
  majorId: string
  /** `Like INC-000123: ` */
  quote: string
  revision: string
}

const markerSql = (marker: string) => sql`${marker}`

/**
 * Erases a batch of incidents in one transaction, idempotently and whatever ran before it:
 *
 * - each incident not erased yet gets its anonymized fields, a new revision, `updated_at` (so every
 *   process's similar-incident index and the metric rollups catch up) and its `erased` event, with
 *   the event's webhook deliveries and its audit entry — all only if its update took;
 * - on the timeline of every incident of the batch, erased before or not, the personal text left
 *   is replaced by the marker, and so is every webhook payload that carried it (pending ones are
 *   then sent without it);
 * - a major incident's quote of an erased report is replaced too.
 *
 * `incidents_search` follows by its triggers, so a search no longer finds the erased words.
 */
export async function eraseIncidentsBatch(db: Database, marker: string, ids: string[], erasures: IncidentErasure[], quotes: QuotedReport[], now: number): Promise<void> {
  const statements = []
  if (erasures.length > 0) {
    const rows = jsonText(erasures.map(({ id, revision, fields }) => ({ id, revision, ...fields })))
    const value = (path: string, json = false) =>
      sql`(select ${sql.raw(json ? `j.value -> '$.${path}'` : `j.value ->> '$.${path}'`)} from json_each(${rows}) j where j.value ->> '$.id' = ${incidents.id})`
    statements.push(
      db
        .update(incidents)
        .set({
          symptoms: marker,
          contactName: value('contactName'),
          contactEmail: null,
          reporterUserId: null,
          requestHash: 'erased',
          answers: value('answers', true),
          context: value('context', true),
          reasoning: value('reasoning', true),
          erasedAt: now,
          updatedAt: now,
          revision: value('revision'),
        })
        .where(and(sql`${incidents.id} in (select j.value ->> '$.id' from json_each(${rows}) j)`, isNull(incidents.erasedAt))),
    )
    const took = (incidentId: SQL, revision: SQL) => sql`exists (select 1 from ${incidents} i where i.id = ${incidentId} and i.revision = ${revision})`
    const events = jsonText(erasures.map(({ id, revision, event }) => ({ ...event, incidentId: id, revision })))
    statements.push(
      db.insert(incidentEvents).select(sql`
        select e.value ->> '$.id', e.value ->> '$.incidentId', e.value ->> '$.type', e.value ->> '$.actor', e.value ->> '$.visibility', e.value -> '$.data', e.value ->> '$.at'
        from json_each(${events}) e where ${took(sql`e.value ->> '$.incidentId'`, sql`e.value ->> '$.revision'`)}`),
      ...outboxStatements(
        db,
        erasures.map(({ snapshot, event, revision }) => ({ incident: snapshot, events: [event], revision })),
      ),
      ...erasures.map(({ id, revision, audit }) => auditInsert(db, [audit], took(sql`${id}`, sql`${revision}`))),
    )
  }
  const batch = sql`(select value from json_each(${jsonText(ids)}))`
  const unlessMarked = (path: string) => sql`${incidentEvents.data} ->> ${path} is not ${markerSql(marker)}`
  statements.push(
    // The messages exchanged with the reporter: theirs, and the agents' public replies.
    db
      .update(incidentEvents)
      .set({ data: sql`json_set(${incidentEvents.data}, '$.body', ${marker})` })
      .where(
        and(
          sql`${incidentEvents.incidentId} in ${batch}`,
          eq(incidentEvents.type, 'message'),
          sql`(${incidentEvents.visibility} = 'public' or ${incidentEvents.data} ->> '$.author' = 'reporter')`,
          isNotNull(sql`${incidentEvents.data} ->> '$.body'`),
          unlessMarked('$.body'),
        ),
      ),
    // What the reporter said closing or reopening it.
    db
      .update(incidentEvents)
      .set({ data: sql`json_set(${incidentEvents.data}, '$.reason', ${marker})` })
      .where(
        and(sql`${incidentEvents.incidentId} in ${batch}`, eq(incidentEvents.actor, 'reporter'), isNotNull(sql`${incidentEvents.data} ->> '$.reason'`), unlessMarked('$.reason')),
      ),
    // The files' names and hashes (their bytes go with their rows, right after this batch).
    db
      .update(incidentEvents)
      .set({ data: sql`json_set(json_remove(${incidentEvents.data}, '$.attachment.sha256'), '$.attachment.name', ${marker})` })
      .where(and(sql`${incidentEvents.incidentId} in ${batch}`, eq(incidentEvents.type, 'attached'), unlessMarked('$.attachment.name'))),
    // Webhook payloads copy their event's data: they say what the timeline says now. A delivery's
    // id is `<event id>:<webhook id>`, so each event's are one range of the primary key.
    db
      .update(webhookDeliveries)
      .set({
        payload: sql`json_set(${webhookDeliveries.payload}, '$.data.event.data', json((select e.data from ${incidentEvents} e where e.id = ${webhookDeliveries.payload} ->> '$.id')))`,
      })
      .where(
        sql`${webhookDeliveries.id} in (select d.id from ${incidentEvents} e join ${webhookDeliveries} d on d.id > e.id || ':' and d.id < e.id || ';' where e.incident_id in ${batch})`,
      ),
    ...quotes.map(({ majorId, quote, revision }) => {
      const at = sql`instr(${incidents.symptoms}, ${quote})`
      return db
        .update(incidents)
        .set({ symptoms: sql`substr(${incidents.symptoms}, 1, ${at} + ${quote.length} - 1) || ${marker}`, updatedAt: now, revision })
        .where(and(eq(incidents.id, majorId), eq(incidents.isMajor, true), sql`${at} > 0`, sql`substr(${incidents.symptoms}, ${at} + ${quote.length}) != ${marker}`))
    }),
  )
  const [first, ...rest] = statements
  if (first) await db.batch([first, ...rest])
}

import { and, asc, desc, eq, lt, or, sql } from 'drizzle-orm'
import type { IncidentStatus } from '@triage/protocol'
import { incidentEvents, incidents } from '../db/schema.ts'
import type { Database } from './database.ts'

export type IncidentRow = typeof incidents.$inferSelect
export type EventRow = typeof incidentEvents.$inferSelect
export type NewIncident = Omit<IncidentRow, 'number'>
export type NewEvent = Omit<EventRow, 'incidentId'>

/**
 * Writes a new incident and its first events in one transaction, unless the app already has an
 * incident with the same idempotency key. The number is the app's next one, taken inside the
 * same transaction so concurrent writers never share it.
 *
 * @returns the stored incident: the new one, or the one that already held the idempotency key
 */
export async function insertIncidentOnce(db: Database, incident: NewIncident, events: NewEvent[]): Promise<IncidentRow> {
  const insert = db
    .insert(incidents)
    .values({
      ...incident,
      number: sql`(select coalesce(max(${incidents.number}), 0) + 1 from ${incidents} where ${incidents.appId} = ${incident.appId})`,
    })
    .onConflictDoNothing({ target: [incidents.appId, incidents.idempotencyKey] })
  // The events are inserted only if the incident row above was: when the idempotency key was
  // already taken, `select … where exists` selects nothing and the batch writes nothing.
  const eventInserts = events.map((event) =>
    db.run(sql`insert into ${incidentEvents} (id, incident_id, type, actor, visibility, data, at)
      select ${event.id}, ${incident.id}, ${event.type}, ${event.actor}, ${event.visibility}, ${JSON.stringify(event.data)}, ${event.at}
      where exists (select 1 from ${incidents} where ${incidents.id} = ${incident.id})`),
  )
  await db.batch([insert, ...eventInserts])
  const stored =
    incident.idempotencyKey === null
      ? await findIncident(db, incident.appId, incident.id)
      : await findIncidentByIdempotencyKey(db, incident.appId, incident.idempotencyKey)
  if (!stored) throw new Error(`incident ${incident.id} was not found right after it was written`)
  return stored
}

export async function findIncidentByIdempotencyKey(db: Database, appId: string, key: string): Promise<IncidentRow | undefined> {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.appId, appId), eq(incidents.idempotencyKey, key)))
    .limit(1)
  return row
}

/** An incident of one app; never another tenant's, whatever the id. */
export async function findIncident(db: Database, appId: string, id: string): Promise<IncidentRow | undefined> {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.appId, appId), eq(incidents.id, id)))
    .limit(1)
  return row
}

/** An incident by id alone: for the reporter, whose token is checked against this id. */
export async function findIncidentById(db: Database, id: string): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id)).limit(1)
  return row
}

export interface ListQuery {
  status?: IncidentStatus
  /** Continue after this incident (newest first). */
  after?: { createdAt: number; id: string }
  limit: number
}

/** One page of an app's incidents, newest first, by keyset on (created_at, id). */
export async function listIncidents(db: Database, appId: string, query: ListQuery): Promise<IncidentRow[]> {
  const conditions = [eq(incidents.appId, appId)]
  if (query.status) conditions.push(eq(incidents.status, query.status))
  if (query.after) {
    const { createdAt, id } = query.after
    const before = or(lt(incidents.createdAt, createdAt), and(eq(incidents.createdAt, createdAt), lt(incidents.id, id)))
    if (before) conditions.push(before)
  }
  return db
    .select()
    .from(incidents)
    .where(and(...conditions))
    .orderBy(desc(incidents.createdAt), desc(incidents.id))
    .limit(query.limit)
}

export async function listEvents(db: Database, incidentId: string, visibility?: 'public'): Promise<EventRow[]> {
  const condition = visibility
    ? and(eq(incidentEvents.incidentId, incidentId), eq(incidentEvents.visibility, visibility))
    : eq(incidentEvents.incidentId, incidentId)
  // rowid keeps insertion order among events written in the same millisecond.
  return db.select().from(incidentEvents).where(condition).orderBy(asc(incidentEvents.at), sql`rowid`)
}

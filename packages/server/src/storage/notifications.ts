import { sql } from 'drizzle-orm'
import { apps, incidentEvents, incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/** A public event a reporter may be told about, with where to reach them. */
export interface NotifiableEvent {
  seq: number
  type: string
  data: string
  incidentNumber: number
  contactEmail: string
  contactName: string | null
  context: string
  appName: string
}

/**
 * Public events after `afterSeq` (the events' insertion order) on incidents whose reporter left an
 * e-mail address. The event log is the outbox: a cursor over it is all the notifier keeps.
 */
export async function notifiableEventsAfter(db: Database, afterSeq: number, limit: number): Promise<NotifiableEvent[]> {
  return db.all<NotifiableEvent>(sql`
    select e.rowid as seq, e.type as type, e.data as data, i.number as incidentNumber, i.contact_email as contactEmail,
      i.contact_name as contactName, i.context as context, a.name as appName
    from ${incidentEvents} e
    join ${incidents} i on i.id = e.incident_id
    join ${apps} a on a.id = i.app_id
    where e.rowid > ${afterSeq} and e.visibility = 'public' and i.contact_email is not null
      and (e.type in ('resolved', 'closed', 'reopened') or (e.type = 'message' and json_extract(e.data, '$.author') = 'agent'))
    order by e.rowid
    limit ${limit}`)
}

/** The position of the newest event in the log (0 when empty). */
export async function latestEventSeq(db: Database): Promise<number> {
  const [row] = await db.all<{ seq: number | null }>(sql`select max(rowid) as seq from ${incidentEvents}`)
  return row?.seq ?? 0
}

import type { SQL } from 'drizzle-orm'
import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, lt, notInArray, or, sql } from 'drizzle-orm'
import type { IncidentStatus } from '@triage/protocol'
import { incidentEvents, incidents, notResolvedOrClosed, openStatuses } from '../db/schema.ts'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core'
import type { Database } from '../db/database.ts'
import { incidentsChanged } from './change-signal.ts'
import { groupCommit } from './group-commit.ts'
import { jsonText } from './json-text.ts'
import { outboxStatements } from './outbox.ts'

import type { EventRow, IncidentRow, NewEvent, NewIncident } from './incident-rows.ts'
export type { EventRow, IncidentRow, NewEvent, NewIncident } from './incident-rows.ts'

export interface IncidentWrite {
  incident: NewIncident
  events: NewEvent[]
}

/** One group-commit queue per database handle (see group-commit.ts). */
const writers = new WeakMap<Database, (write: IncidentWrite) => Promise<IncidentRow>>()

export interface InsertIncidentOptions {
  /**
   * Write in a transaction of its own instead of joining concurrent calls' (group commit).
   * Required on Workers (see ServiceContext.requestBoundIo): there a request must never wait on a
   * batch that another request's I/O writes — once that request ends, its I/O is cancelled and
   * every writer queued behind it hangs. D1 and Turso absorb one transaction per report.
   */
  alone?: boolean
}

/**
 * Writes a new incident and its first events in one transaction, unless the app already has an
 * incident with the same idempotency key. Concurrent calls share one transaction unless `alone`.
 *
 * Numbering: the number is the app's highest plus one, taken by the insert statement itself inside
 * the transaction. SQLite — the libSQL file, D1's primary, Turso — runs one write transaction at a
 * time, so concurrent writers never share a number, and only a committed incident takes one, so
 * there are no gaps. That holds for one transaction per request as for group commit, which is why
 * the Workers build needs no Durable Object to number an app's incidents: it would add a hop per
 * report to serialize what D1 already serializes. The idempotency key is checked by the same
 * statement (and a unique index), so retries stay exact however they interleave.
 *
 * @returns the stored incident: the new one, or the one that already held the idempotency key
 */
export async function insertIncidentOnce(db: Database, incident: NewIncident, events: NewEvent[], options: InsertIncidentOptions = {}): Promise<IncidentRow> {
  if (options.alone) {
    const [stored] = await insertIncidentsOnce(db, [{ incident, events }])
    if (stored === undefined || stored instanceof Error) throw stored ?? new Error(`incident ${incident.id} was not written`)
    return stored
  }
  let write = writers.get(db)
  if (!write) {
    write = groupCommit((writes: IncidentWrite[]) => insertIncidentsOnce(db, writes))
    writers.set(db, write)
  }
  return write({ incident, events })
}

/**
 * The select list that reads a new incident row from a JSON object (`j.value`) of NewIncident, every
 * column in table order as `insert … select` needs. Built once from the schema, so it follows it.
 * The number is the app's highest plus the row's rank among the batch's new rows of that app:
 * SQLite evaluates the whole select before inserting (it reads the table it inserts into), so all
 * ranks start from the same highest number.
 */
const incidentFromJson = sql.raw(
  Object.entries(getTableColumns(incidents))
    .map(([key, column]) => {
      if (key === 'number') {
        return `(select coalesce(max(i.number), 0) from incidents i where i.app_id = j.value ->> '$.appId') + row_number() over (partition by j.value ->> '$.appId' order by j.key)`
      }
      return column.dataType === 'json' ? `j.value -> '$.${key}'` : `j.value ->> '$.${key}'`
    })
    .join(', '),
)

/**
 * Many `insertIncidentOnce` in one transaction of four statements, whatever their number: the
 * incidents, their events and their webhook deliveries each go in as one JSON array parameter
 * (constant SQL, cheap to prepare, far under D1's 100 bound parameters), then one read of the
 * incidents that already held a key. An incident whose idempotency key is taken, by an earlier write or an earlier item
 * of the batch, is not written; its events are not either.
 *
 * @returns for each write its stored incident (the new one, or the holder of its idempotency key)
 */
export async function insertIncidentsOnce(db: Database, writes: IncidentWrite[]): Promise<(IncidentRow | Error)[]> {
  const fresh: IncidentWrite[] = []
  const keysInBatch = new Set<string>()
  for (const write of writes) {
    const { appId, idempotencyKey } = write.incident
    if (idempotencyKey !== null) {
      if (keysInBatch.has(`${appId} ${idempotencyKey}`)) continue
      keysInBatch.add(`${appId} ${idempotencyKey}`)
    }
    fresh.push(write)
  }
  if (fresh.length === 0) return []
  const insert = db
    .insert(incidents)
    .select(sql`
      select ${incidentFromJson} from json_each(${jsonText(fresh.map(({ incident }) => incident))}) j
      where not exists (select 1 from ${incidents} taken where taken.app_id = j.value ->> '$.appId' and taken.idempotency_key = j.value ->> '$.idempotencyKey')`)
    .returning({ id: incidents.id, number: incidents.number })
  const events = fresh.flatMap(({ incident, events }) => events.map((event) => ({ ...event, incidentId: incident.id, revision: incident.revision })))
  // The events are inserted only with their incident: when its key was taken, no row has its id.
  const eventInsert = db.insert(incidentEvents).select(sql`
    select e.value ->> '$.id', e.value ->> '$.incidentId', e.value ->> '$.type', e.value ->> '$.actor', e.value ->> '$.visibility', e.value -> '$.data', e.value ->> '$.at'
    from json_each(${jsonText(events)}) e
    where exists (select 1 from ${incidents} i where i.id = e.value ->> '$.incidentId' and i.revision = e.value ->> '$.revision')`)
  const outbox = outboxStatements(
    db,
    fresh.map(({ incident, events }) => ({ incident, events, revision: incident.revision })),
  )
  // Only the incidents that already held a key are read back; the new ones are what was written.
  const keyConditions = idempotencyKeysByApp(fresh)
  const holders = db
    .select()
    .from(incidents)
    .where(
      keyConditions.length === 0
        ? sql`0`
        : and(
            or(...keyConditions),
            notInArray(
              incidents.id,
              fresh.map(({ incident }) => incident.id),
            ),
          ),
    )
  const [inserted, ...rest] = await db.batch([insert, ...(events.length > 0 ? [eventInsert] : []), ...outbox, holders])
  incidentsChanged(
    db,
    fresh.map(({ incident }) => incident.appId),
  )
  const numbers = new Map(inserted.map((row) => [row.id, row.number]))
  const byKey = new Map((rest[rest.length - 1] as IncidentRow[]).map((row) => [`${row.appId} ${row.idempotencyKey}`, row]))
  const byId = new Map<string, IncidentRow>()
  for (const { incident } of fresh) {
    const number = numbers.get(incident.id)
    if (number === undefined) continue
    const row = { ...incident, number }
    byId.set(row.id, row)
    if (row.idempotencyKey !== null) byKey.set(`${row.appId} ${row.idempotencyKey}`, row)
  }
  return writes.map(
    ({ incident }) =>
      byId.get(incident.id) ??
      (incident.idempotencyKey === null ? undefined : byKey.get(`${incident.appId} ${incident.idempotencyKey}`)) ??
      new Error(`incident ${incident.id} was not found right after it was written`),
  )
}

/** Where the holders of the writes' idempotency keys are: one condition per app. */
function idempotencyKeysByApp(writes: IncidentWrite[]): SQL[] {
  const keys = new Map<string, string[]>()
  for (const { incident } of writes) {
    if (incident.idempotencyKey === null) continue
    const ofApp = keys.get(incident.appId) ?? []
    ofApp.push(incident.idempotencyKey)
    keys.set(incident.appId, ofApp)
  }
  return [...keys].map(([appId, ofApp]) => and(eq(incidents.appId, appId), inArray(incidents.idempotencyKey, ofApp)) as SQL)
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

/** The current revision of each of these incidents (those that exist), by primary key. */
export async function incidentRevisions(db: Database, ids: string[]): Promise<{ id: string; revision: string }[]> {
  if (ids.length === 0) return []
  return db.select({ id: incidents.id, revision: incidents.revision }).from(incidents).where(inArray(incidents.id, ids))
}

/**
 * An app's incidents changed at or after `since` (by `updated_at`), a page at a time in the order
 * of the `(app_id, updated_at)` index (rowid breaks ties and is in that index), with their
 * revisions: a seek of that index, whatever the app's history.
 */
export async function revisionsChangedSince(
  db: Database,
  appId: string,
  since: number,
  after: { updatedAt: number; rowid: number } | undefined,
  limit: number,
): Promise<{ id: string; revision: string; updatedAt: number; rowid: number }[]> {
  const position = after ? or(gt(incidents.updatedAt, after.updatedAt), and(eq(incidents.updatedAt, after.updatedAt), gt(sql`${incidents}.rowid`, after.rowid))) : undefined
  return db
    .select({ id: incidents.id, revision: incidents.revision, updatedAt: incidents.updatedAt, rowid: sql<number>`${incidents}.rowid` })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), gte(incidents.updatedAt, since), position))
    .orderBy(asc(incidents.updatedAt), sql`${incidents}.rowid`)
    .limit(limit)
}

// Reads by id go 100 ids to a statement: D1 binds at most 100 parameters.
const idsPerQuery = 100

/** Incidents by id (those that exist), 100 ids a query. */
export async function incidentsByIds(db: Database, ids: readonly string[]): Promise<IncidentRow[]> {
  const rows: IncidentRow[] = []
  for (let start = 0; start < ids.length; start += idsPerQuery) {
    rows.push(
      ...(await db
        .select()
        .from(incidents)
        .where(inArray(incidents.id, ids.slice(start, start + idsPerQuery)))),
    )
  }
  return rows
}

/** The public timelines of several incidents, each in order, 100 incidents a query. */
export async function publicEventsOf(db: Database, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  return readByIncident(ids, (some) =>
    db
      .select()
      .from(incidentEvents)
      .where(and(inArray(incidentEvents.incidentId, some), eq(incidentEvents.visibility, 'public')))
      .orderBy(asc(incidentEvents.incidentId), asc(incidentEvents.at), sql`rowid`),
  )
}

/** Rows of many incidents, `idsPerQuery` ids to a read, each incident's in the order `read` gives them (none: an empty list). */
export async function readByIncident<Row extends { incidentId: string }>(ids: readonly string[], read: (some: string[]) => Promise<Row[]>): Promise<Map<string, Row[]>> {
  const byIncident = new Map<string, Row[]>(ids.map((id) => [id, []]))
  for (let start = 0; start < ids.length; start += idsPerQuery) {
    for (const row of await read(ids.slice(start, start + idsPerQuery))) byIncident.get(row.incidentId)?.push(row)
  }
  return byIncident
}

/** An incident by id alone: for the reporter, whose token is checked against this id. */
export async function findIncidentById(db: Database, id: string): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id)).limit(1)
  return row
}

/** Sort orders of the agent list; each is one direction over a unique key, so keyset paging is exact. */
const sorts = {
  '-created': { columns: [incidents.createdAt, incidents.id], direction: 'desc' },
  created: { columns: [incidents.createdAt, incidents.id], direction: 'asc' },
  // P1 first ('P1' < 'P2' as text), oldest first within a priority: the queue order.
  priority: { columns: [incidents.priority, incidents.createdAt, incidents.id], direction: 'asc' },
  due: { columns: [incidents.resolutionDueAt, incidents.id], direction: 'asc' },
} as const

export type ListSort = keyof typeof sorts
export type CursorValue = string | number | null

export interface ListFilters {
  status?: IncidentStatus
  /** Open tickets only (new, in progress, waiting on the reporter): the console's queue views. */
  open?: boolean
  /** Nobody's tickets. */
  unassigned?: boolean
  /** Major incidents only. */
  major?: boolean
  kind?: IncidentRow['kind']
  category?: string
  priority?: IncidentRow['priority']
  tiers: IncidentRow['tier'][]
  assignee?: string
  sla?: 'at_risk' | 'breached'
  q?: string
  from?: number
  to?: number
}

export interface ListQuery {
  filters: ListFilters
  sort: ListSort
  /** The sort key of the last row of the previous page. */
  after?: CursorValue[]
  limit: number
  now: number
}

/** The values a row is sorted by, to continue after it. */
export function sortKeyOf(row: IncidentRow, sort: ListSort): CursorValue[] {
  const keys: Record<ListSort, CursorValue[]> = {
    '-created': [row.createdAt, row.id],
    created: [row.createdAt, row.id],
    priority: [row.priority, row.createdAt, row.id],
    due: [row.resolutionDueAt, row.id],
  }
  return keys[sort]
}

const open = openStatuses(incidents.status)
const openStatusNames: readonly IncidentStatus[] = ['new', 'in_progress', 'pending_reporter']
const allTiers = 3

/** An SLA target passed and not met (of an open incident: callers restrict to open ones). */
export function breached(now: number): SQL {
  return sql`((${incidents.firstResponseAt} is null and ${incidents.firstResponseDueAt} < ${now})
    or (${incidents.resolvedAt} is null and ${incidents.resolutionDueAt} < ${now}))`
}

/** Past a clock's stored at-risk time (75 % of its target, in working time), not yet breached. */
export function atRisk(now: number): SQL {
  return sql`(not ${breached(now)} and (
    (${incidents.firstResponseAt} is null and ${incidents.firstResponseRiskAt} <= ${now})
    or (${incidents.resolvedAt} is null and ${incidents.resolutionRiskAt} <= ${now})))`
}

/**
 * `column = value`, usable by an index or not. SQLite walks one index per query and, without
 * statistics, cannot tell a rare value from a common one; so the list chooses the index itself
 * and writes the other filters as `+column = value`, which no index serves (SQLite's documented
 * way to steer the planner: https://sqlite.org/optoverview.html#disqualifying_where_clause_terms).
 */
function equals(column: SQLiteColumn, value: string, indexed: boolean): SQL {
  return indexed ? sql`${column} = ${value}` : sql`+${column} = ${value}`
}

/**
 * The words of a search as an FTS5 query: every word must appear, each as a prefix (what
 * someone types is often the start of a word), in this app's rows only. Quoting each word
 * keeps FTS5's own syntax (AND, NEAR, column filters, *) out of users' hands.
 *
 * A one-letter word is matched whole: the index keeps the starts of words of 2 to 8 letters
 * (migration 0015), and the start `p` would merge the match lists of most of the index.
 */
export function searchQuery(appId: string, text: string): string | undefined {
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8)
  if (words.length === 0) return undefined
  return `app : ${appToken(appId)} AND ${words.map((word) => ([...word].length > 1 ? `"${word}" *` : `"${word}"`)).join(' AND ')}`
}

/** The one token that stands for an app in the search index (as the migration's triggers write it). */
const appToken = (appId: string) => `a${[...new TextEncoder().encode(appId)].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join('')}`

/**
 * The full-text search index (migration 0010_incidents_search: an FTS5 table kept in step with
 * `incidents` by triggers). Declared here, not in the schema, so drizzle-kit leaves it alone.
 */
const incidentsSearch = sqliteTable('incidents_search', { rowid: integer('rowid').notNull() })

/** A list row; searches also carry the row's position in the search index, to page through it. */
export type ListedIncident = IncidentRow & { searchRowid?: number }

/**
 * One page of an app's incidents, filtered and sorted, by keyset on the sort's unique key.
 *
 * One index leads each query, whatever the history's size: a search leads with the search index
 * (newest match first); one open status with its own tickets (in the sorts by priority and due,
 * through partial indexes); an SLA or open-tickets view with the partial indexes of open tickets;
 * else the first filter of assignee, category, priority, kind, tier, status, each of which leads
 * an index ordered newest first; and the other sorts with their own index. The query-plan test
 * (test/list-query-plans.test.ts) holds every listed combination to an index seek.
 */
export async function listIncidents(db: Database, appId: string, query: ListQuery): Promise<ListedIncident[]> {
  return listIncidentsQuery(db, appId, query)
}

/** The query of listIncidents, unexecuted (for its plan). */
export function listIncidentsQuery(db: Database, appId: string, query: ListQuery) {
  const { filters } = query
  // A ticket number (`INC-000123`, `123`) finds that ticket; other text searches the words.
  const ticketNumber = filters.q === undefined ? undefined : /^\s*(?:inc-?)?0*(\d{1,9})\s*$/i.exec(filters.q)?.[1]
  const search = filters.q === undefined || ticketNumber !== undefined ? undefined : searchQuery(appId, filters.q)
  const openStatus = filters.status !== undefined && openStatusNames.includes(filters.status)
  // One open status leads with its own tickets, in any sort: they are few however long the history,
  // where walking every open ticket for the status read them all.
  const byOpenStatus = openStatus && search === undefined && ticketNumber === undefined && filters.sla === undefined && filters.open !== true
  const openOnly = (openStatus && !byOpenStatus) || filters.sla !== undefined || filters.open === true
  const sorted = query.sort !== '-created' && query.sort !== 'created'
  // Which filter's index leads: none when a search, an open-tickets view or another sort does.
  const leads = byOpenStatus
    ? 'status'
    : search !== undefined || ticketNumber !== undefined || openOnly || sorted
      ? undefined
      : filters.assignee !== undefined
        ? 'assignee'
        : filters.category !== undefined
          ? 'category'
          : filters.priority !== undefined
            ? 'priority'
            : filters.kind !== undefined
              ? 'kind'
              : filters.tiers.length === 1
                ? 'tier'
                : filters.status !== undefined
                  ? 'status'
                  : undefined

  const conditions: (SQL | undefined)[] = [eq(incidents.appId, appId)]
  if (filters.tiers.length === 1) conditions.push(equals(incidents.tier, filters.tiers[0] as string, leads === 'tier'))
  else if (filters.tiers.length < allTiers)
    conditions.push(
      sql`+${incidents.tier} in (${sql.join(
        filters.tiers.map((tier) => sql`${tier}`),
        sql`, `,
      )})`,
    )
  if (openOnly) conditions.push(open)
  // Names the partial indexes of one open status in the sorts by priority and due (see the schema).
  if (byOpenStatus && sorted) conditions.push(notResolvedOrClosed(incidents.status))
  if (filters.status) conditions.push(equals(incidents.status, filters.status, leads === 'status' || (openOnly && !sorted && search === undefined && filters.sla === undefined)))
  if (filters.kind) conditions.push(equals(incidents.kind, filters.kind, leads === 'kind'))
  if (filters.category) conditions.push(equals(incidents.category, filters.category, leads === 'category'))
  if (filters.priority) conditions.push(equals(incidents.priority, filters.priority, leads === 'priority'))
  if (filters.assignee) conditions.push(equals(incidents.assignee, filters.assignee, leads === 'assignee'))
  // The console's views: open tickets, walked through their partial index, these two checked on each.
  if (filters.unassigned) conditions.push(sql`+${incidents.assignee} is null`)
  if (filters.major) conditions.push(sql`+${incidents.isMajor} = 1`)
  if (filters.from !== undefined) conditions.push(gte(incidents.createdAt, filters.from))
  if (filters.to !== undefined) conditions.push(lt(incidents.createdAt, filters.to))
  if (filters.sla === 'breached') conditions.push(breached(query.now))
  if (filters.sla === 'at_risk') conditions.push(atRisk(query.now))

  if (ticketNumber !== undefined) conditions.push(eq(incidents.number, Number(ticketNumber)))
  // Words the search index cannot hold (only punctuation) match nothing.
  else if (filters.q !== undefined && search === undefined) conditions.push(sql`0`)
  if (search !== undefined) conditions.push(sql`${incidentsSearch} match ${search}`)
  const sort = sorts[query.sort]
  // A search pages by its position in the search index (arrival order, newest first), since its
  // matches come in that order; the other sorts by their own key.
  const bySearch = search !== undefined && !sorted
  if (query.after) {
    const columns = bySearch
      ? sql`${incidentsSearch.rowid}`
      : sql.join(
          sort.columns.map((column) => sql`${column}`),
          sql`, `,
        )
    const values = sql.join(
      query.after.map((value) => sql`${value}`),
      sql`, `,
    )
    conditions.push(sort.direction === 'desc' ? sql`(${columns}) < (${values})` : sql`(${columns}) > (${values})`)
  }
  const order = bySearch
    ? [sort.direction === 'desc' ? sql`${incidentsSearch.rowid} desc` : sql`${incidentsSearch.rowid} asc`]
    : sort.columns.map((column) => (sort.direction === 'desc' ? desc(column) : asc(column)))
  const fields = { ...getTableColumns(incidents), searchRowid: sql<number>`${incidents}.rowid` }
  // A search walks the search index's matches, newest first, and reads each incident by rowid.
  const from =
    search === undefined ? db.select(fields).from(incidents) : db.select(fields).from(incidentsSearch).innerJoin(incidents, sql`${incidents}.rowid = ${incidentsSearch.rowid}`)
  return from
    .where(and(...conditions))
    .orderBy(...order)
    .limit(query.limit)
}

export async function listEvents(db: Database, incidentId: string, visibility?: 'public'): Promise<EventRow[]> {
  const condition = visibility ? and(eq(incidentEvents.incidentId, incidentId), eq(incidentEvents.visibility, visibility)) : eq(incidentEvents.incidentId, incidentId)
  // rowid keeps insertion order among events written in the same millisecond.
  return db.select().from(incidentEvents).where(condition).orderBy(asc(incidentEvents.at), sql`rowid`)
}

/** One guarded change: the incident as read, what changes, the events it writes, its new revision. */
export interface IncidentUpdate {
  current: IncidentRow
  changes: Partial<Omit<IncidentRow, 'id' | 'appId' | 'number' | 'revision'>>
  events: NewEvent[]
  revision: string
}

/**
 * Applies a change to an incident and appends its events in one transaction, only if the
 * incident is still at `current.revision` (nobody changed it since it was read).
 *
 * @returns the changed incident, or undefined when another change came first (read it again and retry)
 */
export async function updateIncidentIfUnchanged(
  db: Database,
  current: IncidentRow,
  changes: IncidentUpdate['changes'],
  events: NewEvent[],
  revision: string,
): Promise<IncidentRow | undefined> {
  const [stored] = await updateIncidentsIfUnchanged(db, [{ current, changes, events, revision }])
  return stored
}

/**
 * Many guarded changes in one transaction (a major incident's reports resolved together): each
 * lands only if its incident is still at the revision it was read at, with its events and
 * webhook deliveries; the others are left for the caller to read again.
 *
 * @returns per update, the changed incident, or undefined when another change came first
 */
export async function updateIncidentsIfUnchanged(db: Database, updates: IncidentUpdate[]): Promise<(IncidentRow | undefined)[]> {
  if (updates.length === 0) return []
  // Set-based: the changes, their events and their webhook deliveries are each one statement over
  // a JSON array, not one per incident (resolving a major incident's 10,000 reports prepared 40,000
  // statements). Events and deliveries land only where the guarded update did: the new revision is
  // ours alone.
  const statements = [
    ...guardedUpdates(db, updates),
    guardedEventInserts(db, updates),
    ...outboxStatements(
      db,
      updates.map(({ current, changes, events, revision }) => ({ incident: { ...current, ...changes }, events, revision })),
    ),
  ]
  await db.batch(statements as unknown as Parameters<Database['batch']>[0])
  incidentsChanged(
    db,
    updates.map(({ current }) => current.appId),
  )
  const stored = new Map(
    (
      await incidentsByIds(
        db,
        updates.map(({ current }) => current.id),
      )
    ).map((row) => [row.id, row]),
  )
  return updates.map(({ current, revision }) => {
    const row = stored.get(current.id)
    return row?.revision === revision ? row : undefined
  })
}

type ChangedField = keyof IncidentUpdate['changes']

/**
 * One `UPDATE … FROM json_each` per set of changed columns: each row is [id, revision read,
 * new revision, …values], and an incident changed meanwhile (another revision) is left alone.
 */
function guardedUpdates(db: Database, updates: IncidentUpdate[]) {
  const byFields = new Map<string, IncidentUpdate[]>()
  for (const update of updates) {
    const key = changedFields(update).join(',')
    const group = byFields.get(key)
    if (group) group.push(update)
    else byFields.set(key, [update])
  }
  return [...byFields].map(([key, group]) => {
    const fields = key === '' ? [] : (key.split(',') as ChangedField[])
    const rows = group.map(({ current, changes, revision }) => [
      current.id,
      current.revision,
      revision,
      ...fields.map((field) => (changes[field] === null ? null : (incidents[field] as SQLiteColumn).mapToDriverValue(changes[field]))),
    ])
    const set: Record<string, SQL> = { revision: sql.raw(`u.value ->> '$[2]'`) }
    for (const [index, field] of fields.entries()) set[field] = sql.raw(`u.value ->> '$[${index + 3}]'`)
    return db
      .update(incidents)
      .set(set)
      .from(sql`json_each(${jsonText(rows)}) u`)
      .where(sql`${incidents.id} = u.value ->> '$[0]' and ${incidents.revision} = u.value ->> '$[1]'`)
  })
}

function changedFields({ changes }: IncidentUpdate): ChangedField[] {
  return (Object.keys(changes) as ChangedField[]).filter((field) => changes[field] !== undefined).sort()
}

/** Every update's events in one insert, in order, each only if its incident took the new revision. */
function guardedEventInserts(db: Database, updates: IncidentUpdate[]) {
  const rows = updates.flatMap(({ current, events, revision }) =>
    events.map((event) => [event.id, current.id, event.type, event.actor, event.visibility, jsonText(event.data), event.at, revision]),
  )
  // Every column in table order: insert … select is what D1's batch accepts (drizzle#2277).
  return db.insert(incidentEvents).select(sql`
    select e.value ->> '$[0]', e.value ->> '$[1]', e.value ->> '$[2]', e.value ->> '$[3]', e.value ->> '$[4]', e.value ->> '$[5]', e.value ->> '$[6]'
    from json_each(${jsonText(rows)}) e
    where exists (select 1 from ${incidents} where ${incidents.id} = e.value ->> '$[1]' and ${incidents.revision} = e.value ->> '$[7]')`)
}

/** A verified reporter's incidents in one app, newest first. */
export async function listReporterIncidents(db: Database, appId: string, userId: string, limit: number): Promise<IncidentRow[]> {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.appId, appId), eq(incidents.reporterUserId, userId)))
    .orderBy(desc(incidents.createdAt), desc(incidents.id))
    .limit(limit)
}

/** The open reports grouped under a major incident. */
export async function openChildren(db: Database, parentId: string) {
  return db
    .select({ id: incidents.id, appId: incidents.appId })
    .from(incidents)
    .where(and(eq(incidents.parentId, parentId), notInArray(incidents.status, ['resolved', 'closed'])))
}

import type { SQL } from 'drizzle-orm'
import { and, desc, eq, getTableColumns, gte, lt, sql } from 'drizzle-orm'
import { auditEntries } from '../db/schema.ts'
import type { Database } from '../db/database.ts'
import { groupCommit } from './group-commit.ts'
import { jsonText } from './json-text.ts'

export type AuditRow = typeof auditEntries.$inferSelect

/**
 * The statement that appends audit entries, to run alone or in the batch of the change they record
 * (`onlyIf`: appended only when that holds, e.g. the change's guarded update took). The rows go in
 * as one JSON parameter, whatever their number (D1 binds at most 100 parameters).
 */
export function auditInsert(db: Database, rows: AuditRow[], onlyIf?: SQL) {
  return db.insert(auditEntries).select(sql`
    select j.value ->> '$.id', j.value ->> '$.appId', j.value ->> '$.at', j.value ->> '$.actor', j.value ->> '$.actorId',
      j.value ->> '$.action', j.value ->> '$.incidentId', case when j.value ->> '$.subject' is null then null else j.value -> '$.subject' end, j.value -> '$.details'
    from json_each(${jsonText(rows)}) j
    where ${onlyIf ?? sql`1`}`)
}

// One group-commit queue per database handle: concurrent reads of tickets share one transaction.
const writers = new WeakMap<Database, (row: AuditRow) => Promise<true>>()

/**
 * Appends one audit entry. Concurrent calls share one transaction (group commit) unless `alone`,
 * which Workers needs (see ServiceContext.requestBoundIo): recording who read a ticket then costs a
 * fraction of the read.
 */
export async function appendAuditEntry(db: Database, row: AuditRow, options: { alone?: boolean } = {}): Promise<void> {
  if (options.alone) {
    await auditInsert(db, [row])
    return
  }
  let write = writers.get(db)
  if (!write) {
    write = groupCommit(async (rows: AuditRow[]) => {
      await auditInsert(db, rows)
      return rows.map(() => true as const)
    })
    writers.set(db, write)
  }
  await write(row)
}

/** Appends several entries in one statement (an export's, one per incident). */
export async function appendAuditEntries(db: Database, rows: AuditRow[]): Promise<void> {
  if (rows.length > 0) await auditInsert(db, rows)
}

export interface AuditFilters {
  from?: number | undefined
  to?: number | undefined
  actor?: string | undefined
  incidentId?: string | undefined
}

/** An entry as listed, with its place in the trail (its rowid: the order entries were written in). */
export type ListedAuditRow = AuditRow & { seq: number }

/**
 * A page of an app's audit entries, newest first, after the (at, seq) of the previous page's last.
 * One index leads each query (see schema.ts): the incident's when one is asked for (the actor then
 * a plain filter, `+actor`), else the actor's, else the app's.
 */
export function listAuditEntries(db: Database, appId: string, filters: AuditFilters, after: [number, number] | undefined, limit: number): Promise<ListedAuditRow[]> {
  const conditions: (SQL | undefined)[] = [eq(auditEntries.appId, appId)]
  if (filters.incidentId !== undefined) conditions.push(eq(auditEntries.incidentId, filters.incidentId))
  if (filters.actor !== undefined) conditions.push(filters.incidentId === undefined ? eq(auditEntries.actor, filters.actor) : sql`+${auditEntries.actor} = ${filters.actor}`)
  if (filters.from !== undefined) conditions.push(gte(auditEntries.at, filters.from))
  if (filters.to !== undefined) conditions.push(lt(auditEntries.at, filters.to))
  if (after) conditions.push(sql`(${auditEntries.at}, ${auditEntries}.rowid) < (${after[0]}, ${after[1]})`)
  return db
    .select({ ...getTableColumns(auditEntries), seq: sql<number>`${auditEntries}.rowid` })
    .from(auditEntries)
    .where(and(...conditions))
    .orderBy(desc(auditEntries.at), sql`${auditEntries}.rowid desc`)
    .limit(limit)
}

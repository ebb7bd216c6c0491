import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import type { Tier } from '@triage/protocol'
import { deflections, incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

export type NewDeflection = typeof deflections.$inferInsert

/** An app's incident by its number (`123` of `INC-000123`), with what a deflection keeps of it. */
export async function incidentByNumber(db: Database, appId: string, number: number) {
  const [row] = await db
    .select({ id: incidents.id, status: incidents.status, publicNote: incidents.publicNote, tier: incidents.tier, category: incidents.category })
    .from(incidents)
    .where(and(eq(incidents.appId, appId), eq(incidents.number, number)))
    .limit(1)
  return row
}

export async function insertDeflection(db: Database, deflection: NewDeflection): Promise<void> {
  await db.insert(deflections).values(deflection)
}

/** Deflections of an app per UTC day (days since the epoch) in [from, to), of some tiers. */
export async function deflectionsByDay(db: Database, appId: string, from: number, to: number, tiers: Tier[]): Promise<Map<number, number>> {
  const rows = await deflectionsByDayQuery(db, appId, from, to, tiers)
  return new Map(rows.map((row) => [row.day, row.count]))
}

export function deflectionsByDayQuery(db: Database, appId: string, from: number, to: number, tiers: Tier[]) {
  const day = sql<number>`cast(${deflections.createdAt} / 86400000 as integer)`.mapWith(Number)
  return db
    .select({ day, count: count() })
    .from(deflections)
    .where(and(eq(deflections.appId, appId), gte(deflections.createdAt, from), lt(deflections.createdAt, to), inArray(deflections.tier, tiers)))
    .groupBy(day)
}

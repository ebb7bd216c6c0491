import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import type { Tier } from '@triage/protocol'
import { incidents } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/**
 * The tickets of an app created in [from, to), of some tiers, whose category an agent set: when
 * they were created, whether they are resolved, and whether the agent's category differs from
 * the engine's own reading (its guess when the reporter chose, else its pick). Read through the
 * partial index of agent-categorized tickets: the others are never touched.
 */
export function agentCategorized(db: Database, appId: string, from: number, to: number, tiers: Tier[]) {
  const predicted = sql`coalesce(${incidents.reasoning} ->> '$.category.guess.value', ${incidents.reasoning} ->> '$.category.value')`
  return (
    db
      .select({
        createdAt: incidents.createdAt,
        resolved: sql<boolean>`${incidents.resolvedAt} is not null`.mapWith(Boolean),
        corrected: sql<boolean>`${incidents.category} is not ${predicted}`.mapWith(Boolean),
      })
      .from(incidents)
      // A literal, not a parameter: SQLite uses the partial index only when the query states its condition word for word.
      .where(
        and(eq(incidents.appId, appId), sql`${incidents.categorySource} = 'agent'`, gte(incidents.createdAt, from), lt(incidents.createdAt, to), inArray(incidents.tier, tiers)),
      )
  )
}

import { and, count, desc, eq, inArray } from 'drizzle-orm'
import type { Tier } from '@triage/protocol'
import { incidents } from '../db/schema.ts'
import type { Database } from './database.ts'

/** The reports grouped under a major incident, of some tiers, newest first; and how many there are. */
export async function listChildren(db: Database, parentId: string, tiers: Tier[], limit: number) {
  const visible = and(eq(incidents.parentId, parentId), inArray(incidents.tier, tiers))
  const [items, [total]] = await Promise.all([
    db
      .select({ id: incidents.id, number: incidents.number, status: incidents.status, priority: incidents.priority, tier: incidents.tier, symptoms: incidents.symptoms, createdAt: incidents.createdAt })
      .from(incidents)
      .where(visible)
      .orderBy(desc(incidents.createdAt), desc(incidents.id))
      .limit(limit),
    db.select({ count: count() }).from(incidents).where(visible),
  ])
  return { items, total: total?.count ?? 0 }
}

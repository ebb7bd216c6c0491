import type { ChildIncidentList } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import { formatNumber } from '../ids.ts'
import type { ServiceContext } from '../domain/context.ts'
import { agentScope, tiersVisibleTo } from '../domain/visibility.ts'
import { findVisibleIncident } from '../incidents/changes.ts'
import { summaryOf } from '../reports/views.ts'
import { groupSpan, latestGroupMembers } from '../storage/groups.ts'

/**
 * The reports grouped under a major incident that the caller may see, newest first, with their
 * count: what the console lists while it grows (new ones arrive on the event stream).
 */
export async function majorChildren(context: ServiceContext, agent: AgentCaller, id: string, limit: number): Promise<ChildIncidentList> {
  const scope = agentScope(agent)
  const major = await findVisibleIncident(context, scope, id)
  const tiers = tiersVisibleTo(scope.maxTier)
  const [items, span] = await Promise.all([latestGroupMembers(context.db, major.appId, major.id, tiers, limit), groupSpan(context.db, major.appId, major.id, tiers)])
  return {
    items: items.map((child) => ({
      id: child.id,
      number: formatNumber(child.number),
      status: child.status,
      priority: child.priority,
      tier: child.tier,
      summary: summaryOf(child.symptoms),
      createdAt: new Date(child.createdAt).toISOString(),
    })),
    total: span.reports,
  }
}

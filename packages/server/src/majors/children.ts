import type { ChildIncidentList } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import { formatNumber } from '../ids.ts'
import { agentScope } from '../services/agent-actions.ts'
import type { ServiceContext } from '../services/context.ts'
import { findVisibleIncident, tiersVisibleTo } from '../services/incident-changes.ts'
import { summaryOf } from '../services/views.ts'
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

import type { ChildIncidentList } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import { formatNumber } from '../ids.ts'
import { agentScope } from '../services/agent-actions.ts'
import type { ServiceContext } from '../services/context.ts'
import { findVisibleIncident, tiersVisibleTo } from '../services/incident-changes.ts'
import { summaryOf } from '../services/views.ts'
import { listChildren } from '../storage/children.ts'

/**
 * The reports grouped under a major incident that the caller may see, newest first, with their
 * count: what the console lists while it grows (new ones arrive on the event stream).
 */
export async function majorChildren(context: ServiceContext, agent: AgentCaller, id: string, limit: number): Promise<ChildIncidentList> {
  const scope = agentScope(agent)
  const major = await findVisibleIncident(context, scope, id)
  const { items, total } = await listChildren(context.db, major.id, tiersVisibleTo(scope.maxTier), limit)
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
    total,
  }
}

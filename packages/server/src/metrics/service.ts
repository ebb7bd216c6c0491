import type { Metrics } from '@triage/protocol'
import { appMetrics as metricsOfWindow } from './app-metrics.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import type { AgentCaller } from '../domain/callers.ts'
import { agentScope } from '../domain/visibility.ts'
import { tiersVisibleTo } from '../domain/visibility.ts'

const dayMs = 86_400_000

/**
 * Time to first response and to resolution (median, p90), SLA attainment and breaches, overall
 * and by priority, category and tier, for tickets created in [from, to) (default: the last 30
 * days); and the open backlog now. Only tickets of the tiers the agent sees count.
 */
export async function appMetrics(context: ServiceContext, agent: AgentCaller, range: { from?: string; to?: string }): Promise<Metrics> {
  const { appId, maxTier } = agentScope(agent)
  const tiers = tiersVisibleTo(maxTier)
  const now = context.now()
  const to = range.to ? Date.parse(range.to) : now
  const from = range.from ? Date.parse(range.from) : to - 30 * dayMs
  if (from >= to) throw new DomainError('invalid_parameter', '`from` must be before `to`.', { errors: [{ path: 'from', message: 'must be before `to`' }] })
  return metricsOfWindow(context, appId, from, to, tiers)
}

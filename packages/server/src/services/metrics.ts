import type { DurationStats, Metrics, MetricsGroup, SlaStats } from '@triage/protocol'
import type { MetricRow } from '../storage/metrics.ts'
import { backlogCounts, metricRows } from '../storage/metrics.ts'
import type { ServiceContext } from './context.ts'
import { ProblemError } from './context.ts'
import type { AgentCaller } from '../http/env.ts'
import { agentScope } from './agent-actions.ts'
import { tiersVisibleTo } from './incident-changes.ts'

const dayMs = 86_400_000

/** The value below which `share` of the sorted values fall (nearest rank). */
function percentile(sorted: number[], share: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? null
}

function durations(values: number[]): DurationStats {
  const minutes = values.map((ms) => Math.round((ms / 60_000) * 10) / 10).sort((a, b) => a - b)
  return { count: minutes.length, medianMinutes: percentile(minutes, 0.5), p90Minutes: percentile(minutes, 0.9) }
}

/** A target is met when reached by its due time, breached when reached late or not reached by now past due. */
function sla(rows: MetricRow[], reached: (row: MetricRow) => number | null, due: (row: MetricRow) => number | null, now: number): SlaStats {
  let met = 0
  let breached = 0
  for (const row of rows) {
    const at = reached(row)
    const by = due(row)
    if (by === null) continue
    if (at !== null && at <= by) met++
    else if ((at ?? now) > by) breached++
  }
  return { attainment: met + breached === 0 ? null : Math.round((met / (met + breached)) * 1000) / 1000, met, breached }
}

function group(rows: MetricRow[], now: number): MetricsGroup {
  return {
    tickets: rows.length,
    timeToFirstResponse: durations(rows.flatMap((row) => (row.firstResponseAt === null ? [] : [row.firstResponseAt - row.createdAt]))),
    timeToResolve: durations(rows.flatMap((row) => (row.resolvedAt === null ? [] : [row.resolvedAt - row.createdAt]))),
    firstResponseSla: sla(rows, (row) => row.firstResponseAt, (row) => row.firstResponseDueAt, now),
    resolutionSla: sla(rows, (row) => row.resolvedAt, (row) => row.resolutionDueAt, now),
  }
}

function groupBy(rows: MetricRow[], key: (row: MetricRow) => string, now: number): Record<string, MetricsGroup> {
  const groups = new Map<string, MetricRow[]>()
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row])
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, members]) => [name, group(members, now)]))
}

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
  if (from >= to) throw new ProblemError('validation_failed', 400, '`from` must be before `to`.', { errors: [{ path: 'from', message: 'must be before `to`' }] })
  const [rows, backlog] = await Promise.all([metricRows(context.db, appId, tiers, from, to), backlogCounts(context.db, appId, tiers)])
  const byStatus: Record<string, number> = {}
  const byTier: Record<string, number> = {}
  for (const entry of backlog) {
    byStatus[entry.status] = (byStatus[entry.status] ?? 0) + entry.count
    byTier[entry.tier] = (byTier[entry.tier] ?? 0) + entry.count
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    overall: group(rows, now),
    byPriority: groupBy(rows, (row) => row.priority, now),
    byCategory: groupBy(rows, (row) => row.category, now),
    byTier: groupBy(rows, (row) => row.tier, now),
    backlog: { byStatus, byTier },
  }
}

import type { Metrics, MetricsGroup, Tier } from '@triage/protocol'
import type { ServiceContext } from '../domain/context.ts'
import { backlogCounts } from '../storage/metrics.ts'
import { metricTickets } from '../storage/metric-rollups.ts'
import { dayKey, dayOf, planWindow } from './periods.ts'
import { catchUpRollups, readSummaries, summarizeByTier } from './rollups.ts'
import type { GroupPart, Summary } from './summary.ts'
import { metricsGroup } from './summary.ts'

const dayMs = 86_400_000

/**
 * Time to first response and to resolution (median, p90), SLA attainment and breaches, overall
 * and by priority, category and tier, for tickets created in [from, to); and the open backlog now.
 * Only tickets of `tiers` count (all when undefined).
 *
 * The window is read from the rollups: whole months and whole days, caught up first with every
 * change, plus the partial days at its ends straight from the tickets. The figures are exactly
 * those of summarizing every ticket of the window (test: metrics-rollups.test.ts).
 */
export async function appMetrics(context: ServiceContext, appId: string, from: number, to: number, tiers?: string[]): Promise<Metrics> {
  await catchUpRollups(context, appId)
  const now = context.now()
  const plan = planWindow(from, to, dayOf(now))
  // A window that runs to now (the default) ends in a partial day, today, which the catch-up just
  // summarized whole: read its rollup rather than every ticket of a busy day.
  const last = plan.partial[plan.partial.length - 1]
  if (last && last[1] >= now && last[0] === dayOf(last[0]) * dayMs) {
    plan.partial.pop()
    plan.days.push(dayKey(dayOf(last[0])))
  }
  // One summary per stored period and tier, then one per tier for the partial days.
  const summaries: { tier: string; summary: Summary }[] = await readSummaries(context, appId, [...plan.months, ...plan.days], tiers)
  for (const [start, end] of plan.partial) {
    for (const [tier, summary] of summarizeByTier(await metricTickets(context.db, appId, start, end, tiers), now)) summaries.push({ tier, summary })
  }

  const groups = new Map<string, GroupPart[]>()
  const add = (key: string, part: GroupPart) => {
    const parts = groups.get(key)
    if (parts) parts.push(part)
    else groups.set(key, [part])
  }
  for (const { tier, summary } of summaries) {
    for (const [key, part] of summary) {
      add(key, part)
      if (key === '*') add(`t:${tier}`, part)
    }
  }
  const byPrefix = (prefix: string): Record<string, MetricsGroup> =>
    Object.fromEntries(
      [...groups]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, parts]): [string, MetricsGroup] => [key.slice(prefix.length), metricsGroup(parts, now)])
        .sort(([a], [b]) => a.localeCompare(b)),
    )

  const backlog = await backlogCounts(context.db, appId, (tiers ?? ['L1', 'L2', 'L3']) as Tier[])
  const byStatus: Record<string, number> = {}
  const byTier: Record<string, number> = {}
  for (const entry of backlog) {
    byStatus[entry.status] = (byStatus[entry.status] ?? 0) + entry.count
    byTier[entry.tier] = (byTier[entry.tier] ?? 0) + entry.count
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    overall: metricsGroup(groups.get('*') ?? [], now),
    byPriority: byPrefix('p:'),
    byCategory: byPrefix('c:'),
    byTier: byPrefix('t:'),
    backlog: { byStatus, byTier },
  }
}

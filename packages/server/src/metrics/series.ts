/**
 * The dashboard's charts (#18): one entry per UTC day — tickets, time to first response and to
 * resolution (median, p90), SLA attainment, volume by category, deflections, the classifier
 * against agents' corrections — from the metric rollups (one stored summary per app, day and
 * tier), so a month of charts is a month of rollup rows, whatever the traffic.
 */
import type { MetricsDay, MetricsSeries, Tier } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { agentScope, tiersVisibleTo } from '../domain/visibility.ts'
import { categoryLabel } from '../incidents/views.ts'
import { agentCategorized } from '../storage/classifier-review.ts'
import { deflectionsByDay } from '../storage/deflections.ts'
import { backlogCounts } from '../storage/metrics.ts'
import { dayKey, dayOf } from './periods.ts'
import { catchUpRollups, readSummaries } from './rollups.ts'
import type { GroupPart } from './summary.ts'
import { metricsGroup } from './summary.ts'

const dayMs = 86_400_000
/** The longest series: a year and a day (a leap year's days). */
export const maxSeriesDays = 366

/** The UTC days a query covers: from the day of `from` to the day of `to`, both included; by default the last 30 days. */
export function seriesDays(range: { from?: string; to?: string }, now: number): { first: number; last: number } {
  const last = range.to === undefined ? dayOf(now) : dayOf(Date.parse(range.to))
  const first = range.from === undefined ? last - 29 : dayOf(Date.parse(range.from))
  if (first > last) throw new DomainError('invalid_parameter', '`from` must not be after `to`.', { errors: [{ path: 'from', message: 'must not be after `to`' }] })
  if (last - first + 1 > maxSeriesDays) {
    throw new DomainError('invalid_parameter', `A series covers at most ${maxSeriesDays} days; ask for a shorter range.`, {
      errors: [{ path: 'from', message: `at most ${maxSeriesDays} days before \`to\`` }],
    })
  }
  return { first, last }
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000)

/** The daily series of the tickets the agent may see. */
export async function metricsSeries(context: ServiceContext, agent: AgentCaller, range: { from?: string; to?: string }): Promise<MetricsSeries> {
  const { appId, maxTier } = agentScope(agent)
  const tiers: Tier[] = tiersVisibleTo(maxTier)
  const now = context.now()
  const { first, last } = seriesDays(range, now)
  const from = first * dayMs
  const to = (last + 1) * dayMs

  await catchUpRollups(context, appId)
  const days = Array.from({ length: last - first + 1 }, (_, index) => first + index)
  const [summaries, deflections, reviewed, backlog] = await Promise.all([
    readSummaries(context, appId, days.map(dayKey), tiers),
    deflectionsByDay(context.db, appId, from, to, tiers),
    agentCategorized(context.db, appId, from, to, tiers),
    backlogCounts(context.db, appId, tiers),
  ])

  // Each day's parts, one per tier it has tickets of.
  const partsByDay = new Map<string, Map<string, GroupPart[]>>()
  for (const { period, summary } of summaries) {
    const groups = partsByDay.get(period) ?? new Map<string, GroupPart[]>()
    for (const [key, part] of summary) groups.set(key, [...(groups.get(key) ?? []), part])
    partsByDay.set(period, groups)
  }
  const review = new Map<number, { open: number; corrected: number }>()
  for (const ticket of reviewed) {
    const day = review.get(dayOf(ticket.createdAt)) ?? { open: 0, corrected: 0 }
    if (!ticket.resolved) day.open++
    if (ticket.corrected) day.corrected++
    review.set(dayOf(ticket.createdAt), day)
  }

  const categories = new Set<string>()
  const series: MetricsDay[] = days.map((day) => {
    const groups = partsByDay.get(dayKey(day)) ?? new Map<string, GroupPart[]>()
    const overall = metricsGroup(groups.get('*') ?? [], now)
    const byCategory: Record<string, number> = {}
    for (const [key, parts] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      if (!key.startsWith('c:')) continue
      byCategory[key.slice(2)] = parts.reduce((sum, part) => sum + part.tickets, 0)
      categories.add(key.slice(2))
    }
    const { open = 0, corrected = 0 } = review.get(day) ?? {}
    return {
      date: new Date(day * dayMs).toISOString().slice(0, 10),
      ...overall,
      byCategory,
      deflections: deflections.get(day) ?? 0,
      // Handled: resolved by an agent (their resolutions count), or re-categorized while still open.
      classifier: { handled: overall.timeToResolve.count + open, corrected },
    }
  })

  const byTier: Record<string, number> = {}
  const byStatus: Record<string, number> = {}
  for (const entry of backlog) {
    if (!tiers.includes(entry.tier)) continue
    byTier[entry.tier] = (byTier[entry.tier] ?? 0) + entry.count
    byStatus[entry.status] = (byStatus[entry.status] ?? 0) + entry.count
  }
  const sum = (pick: (day: MetricsDay) => number) => series.reduce((total, day) => total + pick(day), 0)
  const tickets = sum((day) => day.tickets)
  const deflected = sum((day) => day.deflections)
  const handled = sum((day) => day.classifier.handled)
  const correctedTotal = sum((day) => day.classifier.corrected)
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    days: series,
    categories: [...categories].sort().map((value) => ({ value, label: categoryLabel(value, agent.locale) })),
    totals: {
      tickets,
      deflections: deflected,
      deflectionRate: ratio(deflected, deflected + tickets),
      handled,
      corrected: correctedTotal,
      classifierAccuracy: handled === 0 ? null : ratio(handled - correctedTotal, handled),
    },
    backlog: { byTier, byStatus },
  }
}

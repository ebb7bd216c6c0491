/**
 * Summaries of tickets for metrics: what `GET /v1/metrics` needs of a set of tickets, in a form
 * that adds up. Counts add; SLA targets not reached yet keep their due time, to count as
 * breached once it has passed; durations are kept as sorted arrays (in tenths of a minute, the
 * API's precision), so medians and p90s over many summaries stay exact.
 *
 * Pure: the rollups (storage) keep one summary per app, day or month, and tier.
 */
import type { DurationStats, MetricsGroup, SlaStats } from '@triage/protocol'
import { kthSmallest, mergeSorted } from './sorted-selection.ts'

/** The columns of a ticket that metrics read. */
export interface MetricTicket {
  tier: string
  priority: string
  category: string
  createdAt: number
  firstResponseAt: number | null
  firstResponseDueAt: number | null
  resolvedAt: number | null
  resolutionDueAt: number | null
}

/** One SLA target over a set of tickets. */
export interface TargetPart {
  met: number
  breached: number
  /** Due times of targets not reached and not yet due when the summary was made. */
  pending: number[]
  /** Tenths of a minute from the report to reaching the target, sorted ascending. */
  durations: Int32Array
}

export interface GroupPart {
  tickets: number
  firstResponse: TargetPart
  resolution: TargetPart
}

/**
 * Group keys: `*` (every ticket of the summary), `p:P1`… by priority, `c:access`… by category.
 * A summary covers one tier, so "by tier" is the `*` group of each tier's summary.
 */
export type Summary = Map<string, GroupPart>

const emptyTarget = (): TargetPart => ({ met: 0, breached: 0, pending: [], durations: new Int32Array(0) })

/** Tenths of a minute, rounded as the API shows them. */
export const tenthsOfMinute = (ms: number) => Math.round((ms / 60_000) * 10)

/**
 * The summary of one tier's tickets, as of `asOf`: a target not reached by its due time counts
 * as breached once `asOf` is past it, and stays so (time only moves on).
 */
export function summarize(tickets: readonly MetricTicket[], asOf: number): Summary {
  const building = new Map<string, { tickets: number; targets: [Omit<TargetPart, 'durations'> & { values: number[] }, Omit<TargetPart, 'durations'> & { values: number[] }] }>()
  for (const ticket of tickets) {
    for (const key of ['*', `p:${ticket.priority}`, `c:${ticket.category}`]) {
      let group = building.get(key)
      if (!group) {
        group = {
          tickets: 0,
          targets: [
            { met: 0, breached: 0, pending: [], values: [] },
            { met: 0, breached: 0, pending: [], values: [] },
          ],
        }
        building.set(key, group)
      }
      group.tickets++
      addTarget(group.targets[0], ticket.createdAt, ticket.firstResponseAt, ticket.firstResponseDueAt, asOf)
      addTarget(group.targets[1], ticket.createdAt, ticket.resolvedAt, ticket.resolutionDueAt, asOf)
    }
  }
  const summary: Summary = new Map()
  for (const [key, group] of building) {
    const [firstResponse, resolution] = group.targets.map(({ values, ...counts }) => ({ ...counts, durations: Int32Array.from(values).sort() }))
    summary.set(key, { tickets: group.tickets, firstResponse: firstResponse ?? emptyTarget(), resolution: resolution ?? emptyTarget() })
  }
  return summary
}

function addTarget(
  target: { met: number; breached: number; pending: number[]; values: number[] },
  createdAt: number,
  reachedAt: number | null,
  dueAt: number | null,
  asOf: number,
): void {
  if (reachedAt !== null) target.values.push(tenthsOfMinute(reachedAt - createdAt))
  if (dueAt === null) return
  if (reachedAt !== null && reachedAt <= dueAt) target.met++
  else if ((reachedAt ?? asOf) > dueAt) target.breached++
  else target.pending.push(dueAt)
}

/** Several summaries as one (days into a month). */
export function mergeSummaries(summaries: readonly Summary[]): Summary {
  const merged: Summary = new Map()
  const keys = new Set(summaries.flatMap((summary) => [...summary.keys()]))
  for (const key of keys) {
    const parts = summaries.flatMap((summary) => summary.get(key) ?? [])
    const target = (pick: (part: GroupPart) => TargetPart): TargetPart => ({
      met: parts.reduce((sum, part) => sum + pick(part).met, 0),
      breached: parts.reduce((sum, part) => sum + pick(part).breached, 0),
      pending: parts.flatMap((part) => pick(part).pending),
      durations: mergeSorted(parts.map((part) => pick(part).durations)),
    })
    merged.set(key, {
      tickets: parts.reduce((sum, part) => sum + part.tickets, 0),
      firstResponse: target((part) => part.firstResponse),
      resolution: target((part) => part.resolution),
    })
  }
  return merged
}

/** The value below which `share` of the values fall (nearest rank), in minutes. */
function percentile(arrays: Int32Array[], count: number, share: number): number | null {
  if (count === 0) return null
  const tenths = kthSmallest(arrays, Math.min(count, Math.ceil(share * count)))
  return tenths === null ? null : tenths / 10
}

function durationStats(targets: TargetPart[]): DurationStats {
  const arrays = targets.map((target) => target.durations)
  const count = arrays.reduce((sum, array) => sum + array.length, 0)
  return { count, medianMinutes: percentile(arrays, count, 0.5), p90Minutes: percentile(arrays, count, 0.9) }
}

function slaStats(targets: TargetPart[], now: number): SlaStats {
  let met = 0
  let breached = 0
  for (const target of targets) {
    met += target.met
    breached += target.breached
    for (const dueAt of target.pending) if (now > dueAt) breached++
  }
  return { attainment: met + breached === 0 ? null : Math.round((met / (met + breached)) * 1000) / 1000, met, breached }
}

/** The API's figures for one group, from its parts in every summary of the window, at `now`. */
export function metricsGroup(parts: readonly GroupPart[], now: number): MetricsGroup {
  return {
    tickets: parts.reduce((sum, part) => sum + part.tickets, 0),
    timeToFirstResponse: durationStats(parts.map((part) => part.firstResponse)),
    timeToResolve: durationStats(parts.map((part) => part.resolution)),
    firstResponseSla: slaStats(
      parts.map((part) => part.firstResponse),
      now,
    ),
    resolutionSla: slaStats(
      parts.map((part) => part.resolution),
      now,
    ),
  }
}

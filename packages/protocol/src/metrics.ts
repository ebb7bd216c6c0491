/** `GET /v1/metrics?from=&to=`: how the team keeps its promises, over tickets created in a range. */

export interface DurationStats {
  /** Tickets that reached this point (answered, or resolved). */
  count: number
  medianMinutes: number | null
  p90Minutes: number | null
}

export interface SlaStats {
  /** Targets met ÷ targets decided (met or missed), null when none is decided yet. */
  attainment: number | null
  met: number
  breached: number
}

export interface MetricsGroup {
  tickets: number
  timeToFirstResponse: DurationStats
  timeToResolve: DurationStats
  firstResponseSla: SlaStats
  resolutionSla: SlaStats
}

export interface Metrics {
  from: string
  to: string
  overall: MetricsGroup
  byPriority: Record<string, MetricsGroup>
  byCategory: Record<string, MetricsGroup>
  byTier: Record<string, MetricsGroup>
  /** Open tickets now, whenever created. */
  backlog: { byStatus: Record<string, number>; byTier: Record<string, number> }
}

import type { Breadcrumb, ReportContext } from '@triage/protocol'

/** One step of what happened before a report, placed in time against it. */
export interface TimelineStep {
  at: string
  /** Milliseconds before the report (0 or more). */
  beforeMs: number
  type: Breadcrumb['type']
  level: NonNullable<Breadcrumb['level']>
  message: string
  /** The breadcrumb's data as `key: value` pairs, in order. */
  details: [string, string][]
}

const isBreadcrumb = (value: unknown): value is Breadcrumb =>
  typeof value === 'object' && value !== null && typeof (value as Breadcrumb).at === 'string' && typeof (value as Breadcrumb).message === 'string'

/**
 * The captured breadcrumbs as a readable timeline, oldest first, each with how long before the
 * report it happened. Malformed entries (the context keeps unknown keys) are left out.
 * @param reportedAt when the report was filed (ISO 8601)
 */
export function breadcrumbTimeline(context: ReportContext, reportedAt: string): TimelineStep[] {
  const crumbs = Array.isArray(context.breadcrumbs) ? context.breadcrumbs.filter(isBreadcrumb) : []
  const reported = Date.parse(reportedAt)
  return crumbs
    .map((crumb) => ({
      at: crumb.at,
      beforeMs: Math.max(0, reported - Date.parse(crumb.at)) || 0,
      type: crumb.type,
      level: crumb.level ?? (crumb.type === 'error' ? 'error' : 'info'),
      message: crumb.message,
      details: Object.entries(crumb.data ?? {}).map(([key, value]): [string, string] => [key, String(value)]),
    }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

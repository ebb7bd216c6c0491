import type { IncidentListQuery, Priority, QueueView, Tier } from '@triage/protocol'
import { priorities, queueViews, tiers } from '@triage/protocol'

/** The API's views, and `all`: every ticket the agent may see, whatever its status (no `view`). */
export type ConsoleView = QueueView | 'all'
export const consoleViews: readonly ConsoleView[] = ['all', ...queueViews]

/** What the queue shows: a view, the API's filters and search, a sort. All of it lives in the URL. */
export interface QueueFilters {
  view: ConsoleView
  q: string
  priority: Priority | ''
  category: string
  tier: Tier | ''
  sort: NonNullable<IncidentListQuery['sort']>
}

export const sorts = ['-created', 'created', 'priority', 'due'] as const
/** Each view's natural order: the urgent views by due time, the others newest first. */
const viewSorts: Partial<Record<ConsoleView, QueueFilters['sort']>> = { at_risk: 'due', breached: 'due', mine: 'priority', unassigned: 'priority' }

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((candidate) => candidate === value)

/**
 * The filters in a URL's query; anything unknown falls back to the default.
 * @example filtersFrom(new URLSearchParams('view=breached&q=vpn')) // { view: 'breached', q: 'vpn', sort: 'due', … }
 */
export function filtersFrom(params: URLSearchParams): QueueFilters {
  const view = oneOf(queueViews, params.get('view')) ?? 'all'
  return {
    view,
    q: (params.get('q') ?? '').slice(0, 200),
    priority: oneOf(priorities, params.get('priority')) ?? '',
    category: (params.get('category') ?? '').slice(0, 64),
    tier: oneOf(tiers, params.get('tier')) ?? '',
    sort: oneOf(sorts, params.get('sort')) ?? viewSorts[view] ?? '-created',
  }
}

/** The query of a URL for these filters (defaults left out, so links stay short). */
export function searchOf(filters: QueueFilters): string {
  const params = new URLSearchParams()
  if (filters.view !== 'all') params.set('view', filters.view)
  if (filters.q.trim()) params.set('q', filters.q)
  if (filters.priority) params.set('priority', filters.priority)
  if (filters.category) params.set('category', filters.category)
  if (filters.tier) params.set('tier', filters.tier)
  if (filters.sort !== (viewSorts[filters.view] ?? '-created')) params.set('sort', filters.sort)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The API query for these filters. */
export function listQueryOf(filters: QueueFilters): IncidentListQuery {
  return {
    ...(filters.view === 'all' ? {} : { view: filters.view }),
    sort: filters.sort,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.tier ? { tier: filters.tier } : {}),
  }
}

/** The query of a view with no other filter: where its link in the sidebar goes. */
export const viewSearch = (view: ConsoleView) => (view === 'all' ? '' : `?view=${view}`)

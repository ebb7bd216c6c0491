import type { IncidentStatus, QueueView } from '@triage/protocol'

/** Open tickets: what every view but `resolved` holds. */
export const openStatuses: IncidentStatus[] = ['new', 'in_progress', 'pending_reporter']

/** What a view adds to a list's filters (they combine with AND). */
export interface ViewFilters {
  statuses: IncidentStatus[]
  assignee?: string
  unassigned?: true
  major?: true
  sla?: 'at_risk' | 'breached'
}

/**
 * The filters of one of the console's views, for the caller `me` (their agent id, or their key's).
 * @example viewFilters('mine', 'agt_01…') // { statuses: ['new', 'in_progress', 'pending_reporter'], assignee: 'agt_01…' }
 */
export function viewFilters(view: QueueView, me: string): ViewFilters {
  switch (view) {
    case 'mine':
      return { statuses: openStatuses, assignee: me }
    case 'unassigned':
      return { statuses: openStatuses, unassigned: true }
    case 'at_risk':
      return { statuses: openStatuses, sla: 'at_risk' }
    case 'breached':
      return { statuses: openStatuses, sla: 'breached' }
    case 'major':
      return { statuses: openStatuses, major: true }
    case 'waiting':
      return { statuses: ['pending_reporter'] }
    case 'resolved':
      return { statuses: ['resolved'] }
  }
}

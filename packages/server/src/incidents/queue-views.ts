import type { IncidentStatus, QueueView } from '@triage/protocol'

/** Open tickets: what every view but `waiting` (one of them) and `resolved` holds. */
export const openStatuses: IncidentStatus[] = ['new', 'in_progress', 'pending_reporter']

/** What a view adds to a list's filters (they combine with AND). */
export interface ViewFilters {
  /** The statuses the view may hold: a `status` filter outside them makes it empty. */
  statuses: IncidentStatus[]
  /** Open tickets only. */
  open?: true
  /** One status. */
  status?: IncidentStatus
  assignee?: string
  unassigned?: true
  major?: true
  sla?: 'at_risk' | 'breached'
}

/**
 * The filters of one of the console's views, for the caller `me` (their agent id, or their key's).
 * @example viewFilters('mine', 'agt_01…') // { statuses: ['new', 'in_progress', 'pending_reporter'], open: true, assignee: 'agt_01…' }
 */
export function viewFilters(view: QueueView, me: string): ViewFilters {
  switch (view) {
    case 'mine':
      return { statuses: openStatuses, open: true, assignee: me }
    case 'unassigned':
      return { statuses: openStatuses, open: true, unassigned: true }
    case 'at_risk':
      return { statuses: openStatuses, open: true, sla: 'at_risk' }
    case 'breached':
      return { statuses: openStatuses, open: true, sla: 'breached' }
    case 'major':
      return { statuses: openStatuses, open: true, major: true }
    case 'waiting':
      return { statuses: ['pending_reporter'], status: 'pending_reporter' }
    case 'resolved':
      return { statuses: ['resolved'], status: 'resolved' }
  }
}

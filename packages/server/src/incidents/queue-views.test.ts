import { queueViews } from '@triage/protocol'
import { describe, expect, it } from 'vitest'
import { openStatuses, viewFilters } from './queue-views.ts'

describe('queue views', () => {
  it('holds open tickets in every view but resolved', () => {
    for (const view of queueViews) {
      expect(viewFilters(view, 'agt_me').statuses, view).toEqual(view === 'resolved' ? ['resolved'] : view === 'waiting' ? ['pending_reporter'] : openStatuses)
    }
  })

  it('reads mine as assigned to the caller, and the others by their one rule', () => {
    expect(viewFilters('mine', 'agt_me')).toMatchObject({ open: true, assignee: 'agt_me' })
    expect(viewFilters('unassigned', 'agt_me')).toMatchObject({ open: true, unassigned: true })
    expect(viewFilters('at_risk', 'agt_me')).toMatchObject({ open: true, sla: 'at_risk' })
    expect(viewFilters('breached', 'agt_me')).toMatchObject({ open: true, sla: 'breached' })
    expect(viewFilters('major', 'agt_me')).toMatchObject({ open: true, major: true })
    expect(viewFilters('waiting', 'agt_me')).toMatchObject({ status: 'pending_reporter' })
    expect(viewFilters('resolved', 'agt_me')).toMatchObject({ status: 'resolved' })
  })
})

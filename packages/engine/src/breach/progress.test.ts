import { describe, expect, it } from 'vitest'
import { breachProgress } from './progress.ts'

const hour = 3_600_000
const notifyBy = 72 * hour

describe('breachProgress', () => {
  it('lists every item undone and the breach open before anyone ticked, overdue past 72 hours', () => {
    const open = breachProgress([], notifyBy, hour)
    expect(open.state).toBe('open')
    expect(open.checks.map((check) => [check.item, check.done, check.by])).toEqual([
      ['contained', false, null],
      ['scope_assessed', false, null],
      ['authority_notified', false, null],
      ['people_notified', false, null],
    ])
    expect(breachProgress([], notifyBy, notifyBy + 1).state).toBe('overdue')
  })

  it('keeps the latest tick of each item, with who and when', () => {
    const progress = breachProgress(
      [
        { item: 'contained', done: true, by: 'Sam', at: hour },
        { item: 'contained', done: false, by: 'Kim', at: 2 * hour },
        { item: 'scope_assessed', done: true, by: 'Kim', at: 3 * hour },
      ],
      notifyBy,
      4 * hour,
    )
    expect(progress.checks.slice(0, 2)).toEqual([
      { item: 'contained', done: false, by: 'Kim', at: 2 * hour },
      { item: 'scope_assessed', done: true, by: 'Kim', at: 3 * hour },
    ])
  })

  it('says whether the authority was notified within the 72 hours', () => {
    expect(breachProgress([{ item: 'authority_notified', done: true, by: 'Sam', at: notifyBy }], notifyBy, notifyBy + hour).state).toBe('notified')
    expect(breachProgress([{ item: 'authority_notified', done: true, by: 'Sam', at: notifyBy + 1 }], notifyBy, notifyBy + hour).state).toBe('notified_late')
    // Unticked again: not notified after all.
    const unticked = [
      { item: 'authority_notified' as const, done: true, by: 'Sam', at: hour },
      { item: 'authority_notified' as const, done: false, by: 'Sam', at: 2 * hour },
    ]
    expect(breachProgress(unticked, notifyBy, notifyBy + 1).state).toBe('overdue')
  })
})

import { describe, expect, it } from 'vitest'
import type { GroupingReport, RecentReport } from './decide-grouping.ts'
import { decideGrouping } from './decide-grouping.ts'

const minute = 60_000
const now = Date.UTC(2026, 10, 28, 9, 30)
const outage = ['Checkout fails with error 500', 'Error 500 when I try to pay at checkout', 'checkout: error 500 again', 'Paying fails, checkout error 500', 'Checkout error 500 for all our users', 'Le checkout renvoie une erreur 500']

const newReport: GroupingReport = { id: 'r_new', text: outage[0]!, createdAt: now, category: 'bug' }
/** Earlier similar reports, `minutesAgo` each. */
const earlier = (...minutesAgo: number[]): RecentReport[] =>
  minutesAgo.map((ago, i) => ({ id: `r_${i}`, text: outage[(i % (outage.length - 1)) + 1]!, createdAt: now - ago * minute, category: 'bug' }))

describe('decideGrouping', () => {
  it('does not group 4 similar reports in 10 minutes', () => {
    const decision = decideGrouping(newReport, earlier(9, 6, 3))
    expect(decision).toEqual({ group: false, similarIds: ['r_0', 'r_1', 'r_2'], reason: '4 similar reports in the last 10 minutes; 5 open a major incident' })
  })

  it('opens a major incident at the 5th similar report in 10 minutes', () => {
    const decision = decideGrouping(newReport, earlier(8, 6, 3, 1))
    expect(decision).toEqual({
      group: true,
      parentId: null,
      memberIds: ['r_0', 'r_1', 'r_2', 'r_3', 'r_new'],
      reason: '5 similar reports in 10 minutes (r_0, r_1, r_2, r_3, r_new): open a major incident',
    })
  })

  it('counts a report exactly 10 minutes old and not one a millisecond older', () => {
    expect(decideGrouping(newReport, earlier(10, 6, 3, 1)).group).toBe(true)
    const justOut = earlier(10, 6, 3, 1).map((report, i) => (i === 0 ? { ...report, createdAt: report.createdAt - 1 } : report))
    expect(decideGrouping(newReport, justOut).group).toBe(false)
  })

  it('does not group 5 similar reports spread over 11 minutes', () => {
    expect(decideGrouping(newReport, earlier(11, 8, 5, 2)).group).toBe(false)
  })

  it('does not count dissimilar reports, other categories or later reports', () => {
    const noise: RecentReport[] = [
      { id: 'x_invoice', text: 'I was charged twice on my invoice', createdAt: now - minute, category: 'bug' },
      { id: 'x_slow', text: 'The dashboard is slow this morning', createdAt: now - 2 * minute, category: 'bug' },
      { id: 'x_other_category', text: outage[1]!, createdAt: now - minute, category: 'billing' },
      { id: 'x_later', text: outage[2]!, createdAt: now + minute, category: 'bug' },
    ]
    const decision = decideGrouping(newReport, [...earlier(5, 4, 3), ...noise])
    expect(decision).toMatchObject({ group: false, similarIds: ['r_0', 'r_1', 'r_2'] })
  })

  it('joins the major incident similar reports already belong to, even below the threshold', () => {
    const recent: RecentReport[] = [
      { ...earlier(4)[0]!, parentId: 'maj_1' },
      { id: 'r_loose', text: outage[3]!, createdAt: now - 2 * minute, category: 'bug' },
    ]
    expect(decideGrouping(newReport, recent)).toEqual({
      group: true,
      parentId: 'maj_1',
      memberIds: ['r_loose', 'r_new'],
      reason: 'similar to major incident maj_1, which 1 similar report of the last 10 minutes already joined',
    })
  })

  it('joins a similar major incident itself, and never counts it as a member', () => {
    const recent: RecentReport[] = [{ id: 'maj_2', text: outage[4]!, createdAt: now - 3 * minute, category: 'bug', isMajor: true }]
    expect(decideGrouping(newReport, recent)).toMatchObject({ group: true, parentId: 'maj_2', memberIds: ['r_new'], reason: 'similar to major incident maj_2' })
  })

  it('takes the caller’s similarity scores over its own', () => {
    const scored = earlier(8, 6, 3, 1).map((report) => ({ ...report, similarity: 0.2 }))
    expect(decideGrouping(newReport, scored).group).toBe(false)
    const vouched = earlier(8, 6, 3, 1).map((report) => ({ ...report, text: 'unrelated words', similarity: 0.9 }))
    expect(decideGrouping(newReport, vouched).group).toBe(true)
  })

  it('follows its options', () => {
    expect(decideGrouping(newReport, earlier(25, 20), { minReports: 3, windowMinutes: 30 }).group).toBe(true)
    expect(decideGrouping(newReport, earlier(8, 6, 3, 1), { minSimilarity: 0.99 }).group).toBe(false)
    const mixed = earlier(8, 6, 3, 1).map((report) => ({ ...report, category: 'connectivity' }))
    expect(decideGrouping(newReport, mixed).group).toBe(false)
    expect(decideGrouping(newReport, mixed, { sameCategory: false }).group).toBe(true)
  })

  it('gives the same answer whatever order the recent reports come in', () => {
    const recent = earlier(8, 6, 3, 1)
    expect(decideGrouping(newReport, [...recent].reverse())).toEqual(decideGrouping(newReport, recent))
  })
})

describe('decideGrouping options', () => {
  it('keeps its defaults for options passed as undefined', () => {
    expect(decideGrouping(newReport, earlier(9, 6, 3), { minReports: undefined, windowMinutes: undefined }).group).toBe(false)
  })
})

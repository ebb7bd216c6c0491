import { describe, expect, it } from 'vitest'
import { bcubedScores, pairScores } from '../scripts/grouping-metrics.ts'

describe('grouping metrics', () => {
  it('counts pairs grouped together against pairs of the same outage', () => {
    // Outage a: 3 reports, 2 grouped under m1; outage b: 2 reports under m2 with a background report.
    const reports = [
      { truth: 'a', predicted: 'm1' },
      { truth: 'a', predicted: 'm1' },
      { truth: 'a', predicted: null },
      { truth: 'b', predicted: 'm2' },
      { truth: 'b', predicted: 'm2' },
      { truth: null, predicted: 'm2' },
    ]
    // Together: (0,1) right; (3,4) right; (3,5) and (4,5) wrong. Belonging: (0,1), (0,2), (1,2), (3,4).
    expect(pairScores(reports)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, truePairs: 2, falsePairs: 2, missedPairs: 2 })
  })

  it('never pairs two reports that belong to no outage, nor two ungrouped reports', () => {
    expect(
      pairScores([
        { truth: null, predicted: null },
        { truth: null, predicted: null },
        { truth: 'a', predicted: null },
      ]),
    ).toMatchObject({ precision: 1, recall: 1, truePairs: 0, falsePairs: 0 })
    expect(
      pairScores([
        { truth: null, predicted: 'm' },
        { truth: null, predicted: 'm' },
      ]),
    ).toMatchObject({ precision: 0, falsePairs: 1 })
  })

  it('scores B-cubed per report of an outage', () => {
    const reports = [
      { truth: 'a', predicted: 'm1' },
      { truth: 'a', predicted: 'm1' },
      { truth: null, predicted: 'm1' },
      { truth: 'a', predicted: null },
    ]
    // Reports 0 and 1: precision 2/3, recall 2/3; report 3: precision 1, recall 1/3.
    expect(bcubedScores(reports)).toEqual({ precision: 0.7778, recall: 0.5556 })
  })
})

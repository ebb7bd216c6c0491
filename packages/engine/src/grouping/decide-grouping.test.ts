import { describe, expect, it } from 'vitest'
import type { ScoredCluster } from './decide-grouping.ts'
import { decideGrouping } from './decide-grouping.ts'

/** A cluster of loose reports `r_<prefix>0…` as the candidates would score it. */
function loose(id: string, reports: number, similarity: number, overrides: Partial<ScoredCluster> = {}): ScoredCluster {
  const memberIds = Array.from({ length: reports }, (_, i) => `${id}${i}`)
  return { id: memberIds[0] as string, majorId: null, memberIds, reports, similarity, affinity: 1, about: 'signing in', minutes: 3, ...overrides }
}

function major(id: string, similarity: number, overrides: Partial<ScoredCluster> = {}): ScoredCluster {
  return { id, majorId: id, memberIds: [], reports: 12, similarity, affinity: 1, about: 'signing in', minutes: 6, ...overrides }
}

describe('decideGrouping', () => {
  it('does not group 4 reports of one outage', () => {
    expect(decideGrouping('r_new', [loose('r_', 3, 0.7)])).toEqual({
      group: false,
      similarIds: ['r_0', 'r_1', 'r_2'],
      reason: '4 similar reports in 3 min about signing in; 5 open a major incident',
      clusterIds: ['r_0'],
    })
  })

  it('opens a major incident at the 5th report of one outage', () => {
    expect(decideGrouping('r_new', [loose('r_', 4, 0.7)])).toEqual({
      group: true,
      parentId: null,
      memberIds: ['r_0', 'r_1', 'r_2', 'r_3', 'r_new'],
      reason: '5 reports in 3 min about signing in: open a major incident',
      clusterIds: ['r_0'],
    })
  })

  it('joins the most similar major incident, with the loose reports close to it', () => {
    const decision = decideGrouping('r_new', [major('maj_1', 0.8), loose('r_', 2, 0.5, { affinity: 0.6 }), major('maj_2', 0.6, { affinity: 0.9 })])
    expect(decision).toMatchObject({ group: true, parentId: 'maj_1', memberIds: ['r_0', 'r_1', 'r_new'], clusterIds: ['maj_1', 'r_0'] })
    expect(decision.reason).toBe('joins major incident maj_1, about signing in (similarity 0.80) with 2 similar loose reports')
  })

  it('bridges clusters whose profiles meet, even when the report resembles only one of them', () => {
    const decision = decideGrouping('r_new', [loose('a', 2, 0.7), loose('b', 2, 0.1, { affinity: 0.55 }), loose('c', 3, 0.3, { affinity: 0.2 })])
    expect(decision).toMatchObject({ group: true, parentId: null, memberIds: ['a0', 'a1', 'b0', 'b1', 'r_new'], clusterIds: ['a0', 'b0'] })
  })

  it('counts nothing under the similarity that makes one outage', () => {
    expect(decideGrouping('r_new', [loose('r_', 4, 0.44)])).toEqual({ group: false, reason: 'nothing similar among the recent reports', similarIds: [], clusterIds: [] })
    expect(decideGrouping('r_new', [loose('r_', 4, 0.44)], { minSimilarity: 0.4 }).group).toBe(true)
  })

  it('never joins a cluster an agent taught it to keep apart, and takes the next one', () => {
    const decision = decideGrouping('r_new', [major('maj_1', 0.9, { apart: true }), major('maj_2', 0.5)])
    expect(decision).toMatchObject({ group: true, parentId: 'maj_2' })
    expect(decideGrouping('r_new', [major('maj_1', 0.9, { apart: true })]).group).toBe(false)
  })

  it('follows its options', () => {
    expect(decideGrouping('r_new', [loose('r_', 2, 0.7)], { minReports: 3 }).group).toBe(true)
    expect(decideGrouping('r_new', [loose('a', 2, 0.7), loose('b', 2, 0.1, { affinity: 0.55 })], { minAffinity: 0.6 })).toMatchObject({ group: false, clusterIds: ['a0'] })
  })

  it('keeps its defaults for options passed as undefined', () => {
    expect(decideGrouping('r_new', [loose('r_', 3, 0.7)], { minReports: undefined, minSimilarity: undefined }).group).toBe(false)
  })

  it('gives the same answer whatever order the clusters come in', () => {
    const clusters = [major('maj_2', 0.6), loose('r_', 2, 0.5, { affinity: 0.6 }), major('maj_1', 0.6)]
    expect(decideGrouping('r_new', [...clusters].reverse())).toEqual(decideGrouping('r_new', clusters))
    expect(decideGrouping('r_new', clusters)).toMatchObject({ parentId: 'maj_1' })
  })
})

import { describe, expect, it } from 'vitest'
import type { CandidateIncident } from './group-candidates.ts'
import { createGroupCandidates } from './group-candidates.ts'
import { decideGrouping } from './decide-grouping.ts'

const minute = 60_000
const start = Date.parse('2026-11-30T10:00:00Z')

function incident(id: string, overrides: Partial<CandidateIncident> = {}): CandidateIncident {
  return { id, symptoms: 'Checkout payment page fails with an error', status: 'new', category: 'bug', parentId: null, isMajor: false, createdAt: start, ...overrides }
}

describe('createGroupCandidates', () => {
  it('finds open, recent, similar reports with their similarity, leaving out the asking report', () => {
    const candidates = createGroupCandidates({ windowMs: 10 * minute })
    candidates.update(incident('a'), start)
    candidates.update(incident('b', { symptoms: 'How do I change my avatar?' }), start)
    candidates.update(incident('c'), start)
    const found = candidates.search('Checkout payment page fails with an error again', 'c')
    expect(found.map((report) => report.id)).toEqual(['a'])
    expect(found[0]?.similarity).toBeGreaterThan(0.5)
  })

  it('leaves out candidates under the similarity that counts for grouping', () => {
    for (const [minSimilarity, expected] of [[undefined, ['close']], [0.01, ['close', 'loose']]] as const) {
      const candidates = createGroupCandidates({ windowMs: 10 * minute, ...(minSimilarity ? { minSimilarity } : {}) })
      candidates.update(incident('close', { symptoms: 'Checkout payment page fails with an error' }), start)
      candidates.update(incident('loose', { symptoms: 'The checkout page shows the wrong currency for Swiss customers' }), start)
      expect(candidates.search('Checkout payment page fails with an error', 'new').map((report) => report.id)).toEqual(expected)
    }
  })

  it('drops reports once resolved or closed, and once they leave the window', () => {
    const candidates = createGroupCandidates({ windowMs: 10 * minute })
    candidates.update(incident('a'), start)
    candidates.update(incident('b', { createdAt: start + 5 * minute }), start + 5 * minute)
    candidates.update(incident('a', { status: 'resolved' }), start + 6 * minute)
    expect(candidates.search('Checkout payment page fails', 'x').map((report) => report.id)).toEqual(['b'])
    candidates.remove('b')
    expect(candidates.size).toBe(0)
    candidates.update(incident('b', { createdAt: start + 5 * minute }), start + 5 * minute)
    candidates.prune(start + 16 * minute)
    expect(candidates.size).toBe(0)
    // An old report read again (e.g. after a restart) never comes back as a candidate.
    candidates.update(incident('c'), start + 16 * minute)
    expect(candidates.size).toBe(0)
  })

  it('keeps only the latest members of a group, which still lead a new similar report to it', () => {
    const candidates = createGroupCandidates({ windowMs: 10 * minute, membersPerGroup: 3 })
    candidates.update(incident('major', { isMajor: true, symptoms: 'Major incident: 5 similar reports within 10 minutes, like INC-1: checkout fails' }), start)
    for (let i = 0; i < 100; i++) candidates.update(incident(`m${i}`, { parentId: 'major', symptoms: `Checkout payment page fails with an error ${i}`, createdAt: start + i }), start + i)
    expect(candidates.size).toBe(4)
    const found = candidates.search('Checkout payment page fails with an error for me too', 'new')
    expect(found.filter((report) => report.parentId === 'major').map((report) => report.id).sort()).toEqual(['m97', 'm98', 'm99'])
    const decision = decideGrouping({ id: 'new', text: 'Checkout payment page fails with an error for me too', createdAt: start + 200, category: 'bug' }, found)
    expect(decision).toMatchObject({ group: true, parentId: 'major', memberIds: ['new'] })
  })

  it('keeps one member per wording, so a group of many kinds of reports is still found by each kind', () => {
    const candidates = createGroupCandidates({ windowMs: 10 * minute, membersPerGroup: 3 })
    const wordings = ['The dashboard is very slow', 'Images are not loading in the gallery', 'The export button does nothing']
    for (let i = 0; i < 90; i++) candidates.update(incident(`m${i}`, { parentId: 'major', symptoms: wordings[i % 3] as string, createdAt: start + i }), start + i)
    expect(candidates.size).toBe(3)
    for (const wording of wordings) expect(candidates.search(wording, 'new')[0]?.parentId).toBe('major')
  })

  it('moves a report that joins a group from the ungrouped ones to the group’s members', () => {
    const candidates = createGroupCandidates({ windowMs: 10 * minute, membersPerGroup: 1 })
    candidates.update(incident('a'), start)
    candidates.update(incident('b'), start)
    candidates.update(incident('a', { parentId: 'major' }), start)
    candidates.update(incident('b', { parentId: 'major' }), start)
    expect(candidates.search('Checkout payment page fails with an error', 'x').map((report) => [report.id, report.parentId])).toEqual([['b', 'major']])
  })
})

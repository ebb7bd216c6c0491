import { describe, expect, it } from 'vitest'
import type { PastIncident } from './types.ts'
import { createSimilarIndex } from './similar-index.ts'

const past: PastIncident[] = [
  {
    id: 'inc_1',
    number: 'INC-000001',
    text: 'Invoice PDF download fails with an error',
    createdAt: 1,
    resolved: true,
    publicResolution: 'Fixed in 2.3: download again.',
    resolution: 'Bad content-type header',
  },
  { id: 'inc_2', number: 'INC-000002', text: 'Cannot log in, password reset e-mail never arrives', createdAt: 2, resolved: true, resolution: 'Mail provider outage' },
  { id: 'inc_3', number: 'INC-000003', text: 'Le téléchargement de la facture en PDF échoue', createdAt: 3, resolved: false },
  { id: 'inc_4', number: 'INC-000004', text: 'Dashboard is very slow to load in the morning', createdAt: 4 },
  { id: 'inc_5', number: 'INC-000005', text: 'Mobile app crashes when opening settings', createdAt: 5 },
]

function indexOf(incidents: PastIncident[] = past) {
  const index = createSimilarIndex()
  for (const incident of incidents) index.add(incident)
  return index
}

describe('createSimilarIndex', () => {
  it('finds the past incident with the same problem in other words, with its resolutions', () => {
    const [first] = indexOf().search('I get an error when I download my invoices as PDF')
    expect(first).toMatchObject({ id: 'inc_1', number: 'INC-000001', resolved: true, publicResolution: 'Fixed in 2.3: download again.', resolution: 'Bad content-type header' })
  })

  it('matches French with or without accents', () => {
    expect(
      indexOf()
        .search('telechargement facture pdf echoue')
        .map((r) => r.id),
    ).toContain('inc_3')
    expect(indexOf().search('Téléchargement des factures impossible')[0]?.id).toBe('inc_3')
  })

  it('returns nothing unrelated: one shared everyday word is not enough', () => {
    expect(indexOf().search('The export to CSV fails')).toEqual([])
    expect(indexOf().search('zzz qqq')).toEqual([])
    expect(indexOf().search('the and of le la')).toEqual([])
  })

  it('gives an identical incident a score of 1 and ranks better matches first', () => {
    const results = indexOf().search('Invoice PDF download fails with an error')
    expect(results[0]).toMatchObject({ id: 'inc_1', score: 1 })
    for (let i = 1; i < results.length; i++) expect(results[i]!.score).toBeLessThanOrEqual(results[i - 1]!.score)
  })

  it('filters on resolved and public resolutions', () => {
    const index = indexOf()
    expect(index.search('facture pdf download', { onlyResolved: true }).map((r) => r.id)).toEqual(['inc_1'])
    expect(index.search('password reset e-mail', { onlyPublic: true })).toEqual([])
    expect(index.search('password reset e-mail').map((r) => r.id)).toEqual(['inc_2'])
  })

  it('honours the limit, the minimum score and an excluded id', () => {
    const index = indexOf()
    const similar = Array.from({ length: 8 }, (_, i) => ({ id: `dup_${i}`, number: `INC-1${i}`, text: 'Mobile app crashes when opening settings', createdAt: 100 + i }))
    for (const incident of similar) index.add(incident)
    expect(index.search('app crashes opening settings', { limit: 3 })).toHaveLength(3)
    expect(index.search('app crashes opening settings', { limit: 20, excludeId: 'inc_5' }).map((r) => r.id)).not.toContain('inc_5')
    expect(index.search('mobile crashes', { minScore: 1.01 })).toEqual([])
  })

  it('fills the limit with accepted incidents only, so a filter does not shorten the list', () => {
    const index = indexOf()
    for (let i = 0; i < 8; i++) index.add({ id: `dup_${i}`, number: `INC-2${i}`, text: 'Sync fails with a conflict error', createdAt: 100 + i })
    const accepted = index.search('sync fails conflict', { limit: 3, accept: (id) => Number(id.slice(4)) % 2 === 0 })
    expect(accepted.map((r) => r.id)).toEqual(['dup_6', 'dup_4', 'dup_2'])
  })

  it('breaks score ties by the newer incident, then the id, the same way every time', () => {
    const index = createSimilarIndex()
    index.add({ id: 'b', number: 'N-2', text: 'export crashes', createdAt: 10 })
    index.add({ id: 'a', number: 'N-1', text: 'export crashes', createdAt: 10 })
    index.add({ id: 'c', number: 'N-3', text: 'export crashes', createdAt: 20 })
    expect(index.search('export crashes').map((r) => r.id)).toEqual(['c', 'a', 'b'])
  })

  it('forgets a removed incident and replaces one added again under the same id', () => {
    const index = indexOf()
    expect(index.remove('inc_4')).toBe(true)
    expect(index.remove('inc_4')).toBe(false)
    expect(index.has('inc_4')).toBe(false)
    expect(index.size).toBe(4)
    expect(index.search('dashboard slow to load')).toEqual([])

    index.add({ id: 'inc_5', number: 'INC-000005', text: 'Push notifications stopped arriving', createdAt: 5 })
    expect(index.search('mobile app crashes settings')).toEqual([])
    expect(index.search('push notifications stopped')[0]?.id).toBe('inc_5')
    expect(index.size).toBe(4)
  })

  it('updates the resolution of an incident whose text did not change', () => {
    const index = indexOf()
    index.add({ ...past[4]!, resolved: true, publicResolution: 'Update to 4.1' })
    expect(index.search('app crashes settings', { onlyPublic: true })[0]).toMatchObject({ id: 'inc_5', publicResolution: 'Update to 4.1' })
  })

  it('reuses the slots of removed incidents without mixing their terms', () => {
    const index = createSimilarIndex()
    for (let i = 0; i < 50; i++) index.add({ id: `x${i}`, number: `X${i}`, text: `sync conflict number ${i}`, createdAt: i })
    for (let i = 0; i < 50; i += 2) index.remove(`x${i}`)
    index.add({ id: 'new', number: 'NEW', text: 'calendar invitations duplicated', createdAt: 99 })
    expect(index.search('calendar invitations duplicated').map((r) => r.id)).toEqual(['new'])
    expect(index.search('sync conflict', { limit: 100 })).toHaveLength(25)
  })

  it('finds nothing in an empty index', () => {
    expect(createSimilarIndex().search('anything at all')).toEqual([])
  })
})

describe('createSimilarIndex options', () => {
  it('keeps its defaults for options passed as undefined', () => {
    const index = createSimilarIndex({ minScore: undefined })
    for (const incident of past) index.add(incident)
    expect(index.search('The export to CSV fails', { minScore: undefined })).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import type { FeatureOptions, SparseVector, WordFeatures } from './features.ts'
import { createVectorizer, hashString } from './features.ts'

const options: FeatureOptions = { hashBits: 16, charNgrams: [3, 5], wordBigrams: true, leadWords: 2, charShare: 0.5 }

/** The vector as a sorted map of bucket to summed value, to compare vectors whatever their order. */
function asMap(vector: SparseVector): [number, number][] {
  const map = new Map<number, number>()
  for (const [j, bucket] of vector.indices.entries()) map.set(bucket, (map.get(bucket) ?? 0) + vector.values[j]!)
  return [...map].sort((a, b) => a[0] - b[0])
}

const ticket = 'Outlook keeps crashing when I open the shared calendar; tried reinstalling Outlook'

describe('hashString', () => {
  it('is a pure function of the text and the seed', () => {
    expect(hashString('printer')).toBe(hashString('printer'))
    expect(hashString('printer')).not.toBe(hashString('printers'))
    expect(hashString('printer', 1)).not.toBe(hashString('printer', 2))
    expect(hashString('printer')).toBeGreaterThanOrEqual(0)
    expect(hashString('printer')).toBeLessThan(2 ** 32)
  })
})

describe('createVectorizer', () => {
  it('gives the same vector for the same text, from any vectorizer, whatever came before', () => {
    const first = createVectorizer(options)
    const expected = asMap(first(ticket))
    const second = createVectorizer(options)
    for (let i = 0; i < 200; i++) second(`filler ticket number ${i} about printers and vpn ${i * 7}`)
    expect(asMap(second(ticket))).toEqual(expected)
    expect(asMap(first(ticket))).toEqual(expected)
  })

  it('ignores case and accents', () => {
    const vectorize = createVectorizer(options)
    expect(asMap(vectorize('Écran CASSÉ'))).toEqual(asMap(vectorize('ecran casse')))
  })

  it('keeps every bucket in range and gives each block its share of a unit length', () => {
    const vectorize = createVectorizer(options)
    const { indices, values } = vectorize(ticket)
    for (const bucket of indices) expect(bucket).toBeGreaterThanOrEqual(0)
    for (const bucket of indices) expect(bucket).toBeLessThan(2 ** options.hashBits)
    const squared = values.reduce((sum, value) => sum + value * value, 0)
    expect(squared).toBeCloseTo(1, 5)
    const wordsOnly = createVectorizer({ ...options, charNgrams: [0, 0], charShare: 0 })(ticket)
    expect(wordsOnly.values.reduce((sum, value) => sum + value * value, 0)).toBeCloseTo(1, 5)
    expect(wordsOnly.indices.length).toBeLessThan(indices.length)
  })

  it('tells word order apart through bigrams only', () => {
    const withPairs = createVectorizer({ ...options, leadWords: 0 })
    expect(asMap(withPairs('disk full server'))).not.toEqual(asMap(withPairs('server full disk')))
    const withoutPairs = createVectorizer({ ...options, leadWords: 0, wordBigrams: false })
    expect(asMap(withoutPairs('disk full server'))).toEqual(asMap(withoutPairs('server full disk')))
  })

  it('gives nothing for a text without content words', () => {
    expect(createVectorizer(options)('the, and... of!').indices.length).toBe(0)
  })

  it('collects the content words in order when asked', () => {
    const words: WordFeatures[] = []
    createVectorizer(options)('The VPN is down again, VPN', words)
    expect(words.map((w) => w.word)).toEqual(['vpn', 'down', 'again', 'vpn'])
  })
})

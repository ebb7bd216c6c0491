import { describe, expect, it } from 'vitest'
import type { LabelledText } from './index.ts'
import { createClassifier, restoreClassifier } from './index.ts'
import { seededRandom } from './random.ts'

const vocabulary: Record<string, string[]> = {
  Access: ['password', 'login', 'account', 'locked', 'reset', 'vpn', 'credentials', 'expired'],
  Hardware: ['laptop', 'screen', 'keyboard', 'broken', 'mouse', 'battery', 'docking', 'monitor'],
  Purchase: ['order', 'invoice', 'quote', 'buy', 'supplier', 'licence', 'approval', 'budget'],
}
const filler = ['please', 'help', 'since', 'today', 'urgent', 'team', 'again', 'thanks', 'colleague', 'office']

/** Tickets of a few words drawn from their label's vocabulary and from words common to all. */
function tickets(count: number, seed: number): LabelledText[] {
  const random = seededRandom(seed)
  const pick = (words: string[]) => words[Math.floor(random() * words.length)]!
  const labels = Object.keys(vocabulary)
  return Array.from({ length: count }, () => {
    const label = pick(labels)
    const words = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? pick(vocabulary[label]!) : pick(filler)))
    return { text: words.join(' '), label }
  })
}

function trained(seed = 1) {
  const classifier = createClassifier({ seed })
  classifier.train(tickets(300, 42))
  return classifier
}

describe('createClassifier', () => {
  it('learns labels from examples and predicts unseen texts', () => {
    const classifier = trained()
    const test = tickets(200, 7)
    const right = test.filter((ticket) => classifier.predict(ticket.text).label === ticket.label).length
    expect(right / test.length).toBeGreaterThan(0.95)
    expect([...classifier.labels].sort()).toEqual(Object.keys(vocabulary).sort())
  })

  it('answers probabilities over every label, best first, adding up to 1', () => {
    const prediction = trained().predict('My laptop screen is broken, the keyboard too')
    expect(prediction.label).toBe('Hardware')
    expect(prediction.scores.map((score) => score.label).sort()).toEqual(Object.keys(vocabulary).sort())
    expect(prediction.scores[0]).toEqual({ label: prediction.label, probability: prediction.confidence })
    const probabilities = prediction.scores.map((score) => score.probability)
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a))
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 10)
    expect(prediction.confidence).toBeGreaterThan(0.5)
    expect(prediction.confidence).toBeLessThanOrEqual(1)
  })

  it('is less sure of a text that mixes two labels than of a plain one', () => {
    const classifier = trained()
    const plain = classifier.predict('password reset login locked')
    const mixed = classifier.predict('password reset laptop screen')
    expect(mixed.confidence).toBeLessThan(plain.confidence)
  })

  it('names the terms of the text that drove the prediction', () => {
    const text = 'Please help: my account is locked and the password expired'
    const prediction = trained().predict(text)
    expect(prediction.label).toBe('Access')
    expect(prediction.reasons).toHaveLength(1)
    expect(prediction.reasons[0]).toMatch(/^matched '/)
    expect(prediction.evidence.length).toBeGreaterThan(0)
    for (const { term, weight } of prediction.evidence) {
      expect(prediction.reasons[0]).toContain(`'${term}'`)
      expect(weight).toBeGreaterThan(0)
      // Every term comes from the text, and from the winning label's words, not the filler.
      for (const word of term.split(' ')) expect(text.toLowerCase()).toContain(word)
    }
    expect(prediction.evidence.some(({ term }) => vocabulary.Access!.some((word) => term.includes(word)))).toBe(true)
    // Terms overlap in no word: "password reset" and "password" are not both named.
    const named = prediction.evidence.flatMap((e) => e.term.split(' '))
    expect(new Set(named).size).toBe(named.length)
    const weights = prediction.evidence.map((e) => e.weight)
    expect(weights).toEqual([...weights].sort((a, b) => b - a))
  })

  it('trains deterministically: the same examples and seed give the same model', () => {
    expect(JSON.stringify(trained(3))).toBe(JSON.stringify(trained(3)))
    expect(JSON.stringify(trained(3))).not.toBe(JSON.stringify(trained(4)))
  })

  it('refuses to predict before it knows any label, and refuses options out of range', () => {
    expect(() => createClassifier().predict('anything')).toThrow(/knows no label/)
    expect(() => createClassifier({ hashBits: 30 })).toThrow(RangeError)
    expect(() => createClassifier({ charNgrams: [5, 3] })).toThrow(/charNgrams/)
    expect(() => createClassifier().train([])).toThrow(RangeError)
  })
})

describe('learn', () => {
  it('makes one correction change the prediction of the next similar text, and not of others', () => {
    const classifier = trained()
    const corrected = 'the docking station refuses my login since today'
    const similar = 'docking station refuses login again'
    const unrelated = 'please send the supplier invoice for the order'
    const before = classifier.predict(similar)
    const unrelatedBefore = classifier.predict(unrelated)
    // Teach the label the model thinks least likely, so the test holds whatever it predicted.
    const target = before.scores.at(-1)!.label
    expect(before.label).not.toBe(target)

    classifier.learn(corrected, target)

    expect(classifier.predict(corrected).label).toBe(target)
    expect(classifier.predict(similar).label).toBe(target)
    expect(classifier.predict(unrelated).label).toBe(unrelatedBefore.label)
  })

  it('takes a label it has never seen', () => {
    const classifier = trained()
    classifier.learn('the badge reader at the front door rejects my badge', 'Facilities')
    expect(classifier.labels).toContain('Facilities')
    expect(classifier.predict('badge reader rejects badge at the door').label).toBe('Facilities')
    expect(classifier.predict('laptop screen broken').label).toBe('Hardware')
  })

  it('works without training, from corrections alone', () => {
    const classifier = createClassifier()
    classifier.learn('printer out of toner', 'Printing')
    classifier.learn('cannot reach the vpn', 'Network')
    expect(classifier.predict('the printer has no toner').label).toBe('Printing')
    expect(classifier.predict('vpn unreachable').label).toBe('Network')
  })

  it('keeps corrections per instance', () => {
    const first = trained()
    const second = trained()
    const text = 'docking station refuses login'
    const target = first.predict(text).scores.at(-1)!.label
    first.learn(text, target)
    expect(first.predict(text).label).toBe(target)
    expect(second.predict(text).label).not.toBe(target)
  })
})

describe('toJSON / restoreClassifier', () => {
  it('restores a classifier that predicts exactly as the saved one, learnt corrections included', () => {
    const classifier = trained()
    classifier.learn('the badge reader rejects my badge', 'Facilities')
    const restored = restoreClassifier(JSON.parse(JSON.stringify(classifier)))
    expect(restored.labels).toEqual(classifier.labels)
    for (const { text } of tickets(50, 9)) expect(restored.predict(text)).toEqual(classifier.predict(text))
    expect(restored.predict('badge reader').label).toBe('Facilities')
  })

  it('restores from the JSON text, and goes on learning exactly as the original', () => {
    const classifier = trained()
    const restored = restoreClassifier(JSON.stringify(classifier))
    classifier.learn('monitor flickers after the update', 'Access')
    restored.learn('monitor flickers after the update', 'Access')
    expect(JSON.stringify(restored)).toBe(JSON.stringify(classifier))
  })

  it('saves the state compactly: only non-zero weights', () => {
    const json = JSON.stringify(trained())
    // Dense float32 weights would take 262,144 buckets × 3 labels × 4 bytes.
    expect(json.length).toBeLessThan(50_000)
  })

  it('refuses a state it did not write', () => {
    expect(() => restoreClassifier('{"format":"other"}')).toThrow(TypeError)
    const state = trained().toJSON()
    expect(() => restoreClassifier({ ...state, bias: [1] })).toThrow(/bias/)
    expect(() => restoreClassifier({ ...state, weights: '%%%' })).toThrow(/base64/)
  })
})

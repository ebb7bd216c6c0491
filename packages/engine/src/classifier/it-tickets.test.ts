import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readLabelledCsv } from '../../scripts/dataset.ts'
import { score } from '../../scripts/metrics.ts'
import { createClassifier } from './index.ts'

// Real IT tickets, kept in the repository (packages/engine/test/fixtures/it-tickets, CC0): 15,000 to
// train on and 4,000 held out, from a seeded split of the evaluation set's dev.csv. Measured on this
// sample: macro-F1 0.859 (0.856 on the typed-looking copies), accuracy 0.857, mean confidence 0.825,
// every label's F1 0.77 or more; trained on the whole 80 % (npm run eval -- --split 0.8), macro-F1 0.865.
const data = (name: string) => fileURLToPath(new URL(`../../test/fixtures/it-tickets/${name}.csv.br`, import.meta.url))

/** Pre-processed ticket text made to look typed: capitals, punctuation, stop words, a greeting. */
function asTyped(text: string): string {
  const words = text.split(' ').map((word, i) => {
    const spelled = i % 6 === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word
    return `${i % 4 === 3 ? 'the ' : ''}${spelled}${i % 6 === 5 ? ',' : ''}`
  })
  return `Hello, ${words.join(' ')}. Thank you!`
}

describe('on real IT tickets', () => {
  it('classifies held-out tickets with a macro-F1 above 0.84, as often right as it claims, raw text too', () => {
    const sample = readLabelledCsv(data('train'), 'text', 'category')
    const test = readLabelledCsv(data('validation'), 'text', 'category')
    expect([sample.length, test.length]).toEqual([15_000, 4_000])
    const classifier = createClassifier()
    classifier.train(sample)

    const predictions = test.map((ticket) => classifier.predict(ticket.text))
    const truth = test.map((ticket) => ticket.label)
    const { macroF1, accuracy, perClass } = score(
      truth,
      predictions.map((p) => p.label),
    )
    expect(macroF1).toBeGreaterThan(0.84)
    for (const f1 of Object.values(perClass)) expect(f1).toBeGreaterThan(0.75)

    // Calibrated-ish: the mean confidence is close to the share of right answers.
    const meanConfidence = predictions.reduce((sum, p) => sum + p.confidence, 0) / predictions.length
    expect(Math.abs(meanConfidence - accuracy)).toBeLessThan(0.05)
    expect(predictions.every((p) => p.reasons.length > 0)).toBe(true)
    // A few tickets of common words only have no term that stands out.
    expect(predictions.filter((p) => p.evidence.length > 0).length).toBeGreaterThan(0.99 * predictions.length)

    // The same tickets as typed by people lose little.
    const typed = score(
      truth,
      test.map((ticket) => classifier.predict(asTyped(ticket.text)).label),
    )
    expect(typed.macroF1).toBeGreaterThan(macroF1 - 0.02)
  })
})

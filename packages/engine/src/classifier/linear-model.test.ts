import { describe, expect, it } from 'vitest'
import type { SparseVector } from './features.ts'
import { correct, emptyModel, scoreInto, snap, snapWeights, weightStep } from './linear-model.ts'

const vector = (indices: number[], values: number[]): SparseVector => ({ indices: Int32Array.from(indices), values: Float32Array.from(values) })

describe('snapWeights', () => {
  it('keeps the largest weights on the grid and zeroes the rest, ties at the cut kept', () => {
    const model = emptyModel(4, ['a', 'b'])
    model.weights.set([0.01, -2, 0.5, -0.5, 1.001, 0, 0.2, -0.3])
    snapWeights(model, 3)
    expect(Array.from(model.weights)).toEqual([0, -2, 0.5, -0.5, snap(1.001), 0, 0, 0])
    for (const weight of model.weights) expect(Number.isInteger(weight / weightStep)).toBe(true)
  })

  it('keeps every weight when they are fewer than the budget', () => {
    const model = emptyModel(2, ['a', 'b'])
    model.weights.set([0.05, -0.05, 0, 0.1])
    snapWeights(model, 10)
    expect(Array.from(model.weights)).toEqual([0.05, -0.05, 0, 0.1].map(snap))
  })
})

describe('correct', () => {
  it('makes the target beat every other label by the margin on the text, moving only its buckets', () => {
    const model = emptyModel(8, ['a', 'b', 'c'])
    model.bias.set([1, 0.5, -1])
    const x = vector([1, 5], [0.6, 0.8])
    correct(model, x, 2, 2)
    const scores = new Float64Array(3)
    scoreInto(model, x, scores)
    // The grid may round the last step down by a fraction of 1/64 per weight.
    expect(scores[2]! - Math.max(scores[0]!, scores[1]!)).toBeGreaterThan(2 - 0.05)
    model.weights.forEach((weight, i) => {
      if (![1, 5].includes(Math.floor(i / 3))) expect(weight).toBe(0)
    })
  })

  it('leaves a text already right by the margin alone', () => {
    const model = emptyModel(8, ['a', 'b'])
    model.bias.set([5, 0])
    correct(model, vector([3], [1]), 0, 2)
    expect(model.weights.every((weight) => weight === 0)).toBe(true)
  })
})

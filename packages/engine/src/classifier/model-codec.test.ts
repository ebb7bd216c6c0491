import { describe, expect, it } from 'vitest'
import { emptyModel, snap } from './linear-model.ts'
import { decodeWeights, encodeWeights } from './model-codec.ts'
import { seededRandom } from './random.ts'

/** A model with a few non-zero weights on the grid, some large, some negative. */
function sparseModel(labels: number, seed: number) {
  const model = emptyModel(
    4096,
    Array.from({ length: labels }, (_, c) => `label ${c}`),
  )
  const random = seededRandom(seed)
  for (let i = 0; i < 3000; i++) {
    const at = Math.floor(random() * model.weights.length)
    model.weights[at] = snap((random() - 0.5) * (i % 10 === 0 ? 400 : 4))
  }
  model.weights[model.weights.length - 1] = snap(-0.3)
  return model
}

describe('encodeWeights / decodeWeights', () => {
  it.each([1, 3, 8, 9, 20])('gives back exactly the weights of a model with %i labels', (labels) => {
    const model = sparseModel(labels, labels)
    const encoded = encodeWeights(model)
    expect(encoded).toMatch(/^[A-Za-z0-9+/]*=*$/)
    expect(decodeWeights(encoded, model.dimension, labels)).toEqual(model.weights)
  })

  it('stores a mostly empty model in few bytes', () => {
    const model = sparseModel(8, 1)
    // 3,000 non-zero weights of 32,768: a tenth of the dense float32 array in base64, about 4 characters a weight.
    expect(encodeWeights(model).length).toBeLessThan((model.weights.length * 4 * 4) / 3 / 10)
    expect(encodeWeights(emptyModel(4096, ['a', 'b']))).toBe('')
  })

  it('refuses damaged text', () => {
    const encoded = encodeWeights(sparseModel(8, 2))
    expect(() => decodeWeights(`${encoded.slice(0, 4)}!!${encoded.slice(6)}`, 4096, 8)).toThrow(TypeError)
    expect(() => decodeWeights(encodeWeights(sparseModel(8, 3)), 16, 8)).toThrow(/beyond/)
  })
})

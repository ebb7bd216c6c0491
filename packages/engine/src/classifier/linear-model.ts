import type { SparseVector } from './features.ts'
import { seededRandom, shuffle } from './random.ts'

/**
 * A multinomial logistic regression over hashed features: one weight per (bucket, label), stored
 * bucket-major (`weights[bucket * labels.length + label]`) so that one bucket's weights share a
 * cache line, and one bias per label.
 */
export interface LinearModel {
  dimension: number
  labels: string[]
  weights: Float32Array
  bias: Float32Array
}

/** How `fit` trains. */
export interface FitOptions {
  epochs: number
  learningRate: number
  /** Weight of each label's examples in the loss; above 1 for rare labels to help macro-F1. */
  labelWeights: Float64Array
  seed: number
}

/**
 * Gradients smaller than this (a label already below 1 % or the right one above 99 %) are skipped:
 * they barely move the model and would cost most of the training time.
 */
const negligibleGradient = 0.01

/**
 * Trained weights are kept on a grid of 1/64 (and small ones at zero), so that a model serializes
 * compactly and exactly: restored, it predicts exactly as before. A 1/64 step moves a score by
 * less than a hundredth; measured, it changes no prediction's accuracy.
 */
export const weightStep = 1 / 64

/** A weight on the grid of `weightStep`. */
export function snap(weight: number): number {
  // `|| 0` turns -0 into 0, which serializes the same.
  return Math.round(weight / weightStep) * weightStep || 0
}

/**
 * Puts every weight on the grid and keeps only the `maxWeights` largest in magnitude (ties at the
 * cut are all kept), the others at zero: most weights of a hashed model are tiny and, measured,
 * dropping them changes nothing but the size of the saved model.
 */
export function snapWeights(model: LinearModel, maxWeights: number): void {
  const { weights } = model
  // How many weights have each magnitude, in grid steps; the cut is the smallest magnitude kept.
  const counts = new Map<number, number>()
  for (let i = 0; i < weights.length; i++) {
    weights[i] = snap(weights[i]!)
    if (weights[i] === 0) continue
    const steps = Math.round(Math.abs(weights[i]!) / weightStep)
    counts.set(steps, (counts.get(steps) ?? 0) + 1)
  }
  let kept = 0
  let cut = 0
  for (const steps of [...counts.keys()].sort((a, b) => b - a)) {
    if (kept >= maxWeights) break
    kept += counts.get(steps)!
    cut = steps
  }
  const smallest = cut * weightStep
  for (let i = 0; i < weights.length; i++) if (Math.abs(weights[i]!) < smallest) weights[i] = 0
}

/** An empty model over `dimension` buckets and the given labels. */
export function emptyModel(dimension: number, labels: readonly string[]): LinearModel {
  return { dimension, labels: [...labels], weights: new Float32Array(dimension * labels.length), bias: new Float32Array(labels.length) }
}

/** Writes each label's score (its logit) for `x` into `out`. */
export function scoreInto(model: LinearModel, x: SparseVector, out: Float64Array): void {
  const k = model.labels.length
  scoreRows(model.weights, k, model.bias, k, x, out)
}

/**
 * Scores of `k` labels whose weights for bucket `b` start at `weights[b * stride]`.
 * Four labels at a time in local sums: typed-array accumulators would be several times slower.
 */
function scoreRows(weights: Float32Array, stride: number, bias: ArrayLike<number>, k: number, x: SparseVector, out: Float64Array): void {
  const { indices, values } = x
  let c = 0
  for (; c + 4 <= k; c += 4) {
    let s0 = bias[c]!
    let s1 = bias[c + 1]!
    let s2 = bias[c + 2]!
    let s3 = bias[c + 3]!
    for (let j = 0; j < indices.length; j++) {
      const at = indices[j]! * stride + c
      const value = values[j]!
      s0 += value * weights[at]!
      s1 += value * weights[at + 1]!
      s2 += value * weights[at + 2]!
      s3 += value * weights[at + 3]!
    }
    out[c] = s0
    out[c + 1] = s1
    out[c + 2] = s2
    out[c + 3] = s3
  }
  for (; c < k; c++) {
    let sum = bias[c]!
    for (let j = 0; j < indices.length; j++) sum += values[j]! * weights[indices[j]! * stride + c]!
    out[c] = sum
  }
}

/** Turns the first `length` scores into probabilities in place (softmax, shifted by the maximum for stability). */
export function softmaxInPlace(scores: Float64Array, length = scores.length): void {
  let max = -Infinity
  for (let c = 0; c < length; c++) max = Math.max(max, scores[c]!)
  let sum = 0
  for (let c = 0; c < length; c++) {
    scores[c] = Math.exp(scores[c]! - max)
    sum += scores[c]!
  }
  for (let c = 0; c < length; c++) scores[c]! /= sum
}

/**
 * Trains `model` from scratch by stochastic gradient descent on the weighted cross-entropy,
 * visiting the examples in a seeded random order each epoch, and keeps the average of the weights
 * over the epochs after the first (averaged SGD: Polyak & Juditsky 1992; Xu 2011,
 * https://arxiv.org/abs/1107.2490), which regularizes without a penalty term.
 *
 * @param model receives the weights; its labels are the targets' indices
 * @param vectors the examples' features
 * @param targets each example's label index
 */
export function fit(model: LinearModel, vectors: readonly SparseVector[], targets: Int32Array, options: FitOptions): void {
  const k = model.labels.length
  // While training, each bucket holds its k weights then k sums of step × update since averaging
  // began (the average is weight - sum / steps): one cache line per bucket on every update.
  const stride = 2 * k
  const state = new Float32Array(model.dimension * stride)
  const bias = new Float64Array(k)
  const biasSum = new Float64Array(k)
  const probabilities = new Float64Array(k)
  const gradient = new Float64Array(k)
  const active = new Int32Array(k)
  const order = Int32Array.from(vectors.keys())
  const random = seededRandom(options.seed)
  let step = 0

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random)
    const averaging = epoch > 0 || options.epochs === 1
    for (const n of order) {
      const x = vectors[n]!
      const target = targets[n]!
      scoreRows(state, stride, bias, k, x, probabilities)
      softmaxInPlace(probabilities, k)
      const rate = options.learningRate * options.labelWeights[target]!
      let activeCount = 0
      for (let c = 0; c < k; c++) {
        const error = probabilities[c]! - (c === target ? 1 : 0)
        if (error > negligibleGradient || error < -negligibleGradient) {
          gradient[c] = rate * error
          active[activeCount++] = c
        }
      }
      if (averaging) step++
      if (activeCount === 0) continue
      for (let a = 0; a < activeCount; a++) {
        const c = active[a]!
        bias[c]! -= gradient[c]!
        if (averaging) biasSum[c]! -= step * gradient[c]!
      }
      const { indices, values } = x
      for (let j = 0; j < indices.length; j++) {
        const base = indices[j]! * stride
        const value = values[j]!
        for (let a = 0; a < activeCount; a++) {
          const c = active[a]!
          const delta = gradient[c]! * value
          state[base + c]! -= delta
          if (averaging) state[base + k + c]! -= step * delta
        }
      }
    }
  }
  const divisor = Math.max(step, 1)
  for (let bucket = 0; bucket < model.dimension; bucket++) {
    for (let c = 0; c < k; c++) model.weights[bucket * k + c] = state[bucket * stride + c]! - state[bucket * stride + k + c]! / divisor
  }
  for (let c = 0; c < k; c++) model.bias[c] = bias[c]! - biasSum[c]! / divisor
}

/**
 * Multiplies each bucket's weights by `scale[bucket]`: a model trained on features scaled by
 * `scale` then scores the unscaled features the same way.
 */
export function foldScale(model: LinearModel, scale: Float32Array): void {
  const k = model.labels.length
  for (let bucket = 0; bucket < model.dimension; bucket++) {
    const factor = scale[bucket]!
    for (let c = 0; c < k; c++) model.weights[bucket * k + c]! *= factor
  }
}

/** The model with one more label, whose weights start at zero and whose bias starts at the lowest one. */
export function withLabel(model: LinearModel, label: string): LinearModel {
  const k = model.labels.length
  const grown = emptyModel(model.dimension, [...model.labels, label])
  for (let bucket = 0; bucket < model.dimension; bucket++) {
    for (let c = 0; c < k; c++) grown.weights[bucket * (k + 1) + c] = model.weights[bucket * k + c]!
  }
  grown.bias.set(model.bias)
  // A new label starts unlikely; a correction then lifts it on its own words only.
  grown.bias[k] = k === 0 ? 0 : Math.min(...model.bias)
  return grown
}

/**
 * A passive-aggressive correction (Crammer et al. 2006, "Online Passive-Aggressive Algorithms",
 * https://jmlr.org/papers/v7/crammer06a.html): the smallest change of the weights of `x`'s buckets
 * that makes `target` beat every other label by `margin` (in log-odds) on `x`. Texts sharing
 * features with `x` move the same way; others do not move. Weights end on the grid.
 */
export function correct(model: LinearModel, x: SparseVector, target: number, margin: number): void {
  const k = model.labels.length
  const scores = new Float64Array(k)
  let norm = 0
  for (let j = 0; j < x.values.length; j++) norm += x.values[j]! * x.values[j]!
  if (norm === 0 || k < 2) return
  // Each pass closes the gap to the strongest rival without lifting any other, so k - 1 passes suffice.
  for (let pass = 1; pass < k; pass++) {
    scoreInto(model, x, scores)
    let rival = target === 0 ? 1 : 0
    for (let c = 0; c < k; c++) if (c !== target && scores[c]! > scores[rival]!) rival = c
    const gap = margin - (scores[target]! - scores[rival]!)
    if (gap <= 0) break
    const step = gap / (2 * norm)
    for (let j = 0; j < x.indices.length; j++) {
      const base = x.indices[j]! * k
      model.weights[base + target]! += step * x.values[j]!
      model.weights[base + rival]! -= step * x.values[j]!
    }
  }
  for (let j = 0; j < x.indices.length; j++) {
    const base = x.indices[j]! * k
    for (let c = 0; c < k; c++) model.weights[base + c] = snap(model.weights[base + c]!)
  }
}

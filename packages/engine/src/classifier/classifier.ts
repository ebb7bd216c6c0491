import { BucketMap } from './bucket-map.ts'
import type { Evidence } from './explain.ts'
import { explain } from './explain.ts'
import type { WordFeatures } from './features.ts'
import { createVectorizer, idfScale } from './features.ts'
import type { LinearModel } from './linear-model.ts'
import { correct, emptyModel, fit, foldScale, scoreInto, snapWeights, softmaxInPlace, withLabel } from './linear-model.ts'
import { decodeWeights, encodeWeights } from './model-codec.ts'
import type { ClassifierOptions, ResolvedOptions } from './options.ts'
import { featureOptions, resolveOptions } from './options.ts'

/** A text with the label an agent gave it. */
export interface LabelledText {
  text: string
  label: string
}

/** What `predict` answers. */
export interface Prediction {
  /** The most probable label. */
  label: string
  /** Its probability, 0..1 (softmax of the logistic model: about as often right as it says). */
  confidence: number
  /** Every label with its probability, most probable first; the probabilities add up to 1. */
  scores: { label: string; probability: number }[]
  /** Why, in words for agents, e.g. `matched 'password reset', 'locked'`. */
  reasons: string[]
  /** The terms behind `reasons`, strongest first, with their push in log-odds. */
  evidence: Evidence[]
}

/** A trainable text classifier; see `createClassifier`. */
export interface Classifier {
  /** Labels known so far: from `train`, then in the order `learn` met new ones. */
  readonly labels: readonly string[]
  /** Fits the model to `examples` from scratch; what `learn` taught before is replaced. */
  train(examples: readonly LabelledText[]): void
  /** Adjusts the model at once so that `text` gets `label` (which may be new); similar texts follow. */
  learn(text: string, label: string): void
  /** The most probable label of `text`, with every label's probability and the reasons. */
  predict(text: string): Prediction
  /** The whole state as plain JSON, for `restoreClassifier`. */
  toJSON(): ClassifierState
}

/** A classifier's saved state, plain JSON (about 0.5 MB for 8 labels learnt from 40,000 tickets). */
export interface ClassifierState {
  /** The version of this shape; `restoreClassifier` refuses others. */
  format: typeof stateFormat
  options: ResolvedOptions
  labels: string[]
  bias: number[]
  /** The non-zero weights, encoded as described in model-codec.ts. */
  weights: string
}

const stateFormat = 'triage-classifier/1'

/**
 * Creates an untrained classifier: multinomial logistic regression over hashed words, word pairs
 * and character n-grams. Pure and deterministic: no I/O, no clock, no global randomness.
 *
 * @param options see `ClassifierOptions`; unset ones take `defaultClassifierOptions`
 * @throws RangeError when an option is out of range
 * @example
 * const classifier = createClassifier()
 * classifier.train([
 *   { text: 'cannot log in, password expired', label: 'Access' },
 *   { text: 'laptop screen is broken', label: 'Hardware' },
 * ])
 * classifier.predict('my password expired').label // 'Access'
 */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const resolved = resolveOptions(options)
  return classifierAround(resolved, emptyModel(2 ** resolved.hashBits, []))
}

/**
 * A classifier from the state `toJSON` gave, which predicts and learns exactly like the saved one.
 *
 * @param state the object from `toJSON`, or its JSON text
 * @throws TypeError when the state is not one `toJSON` wrote
 * @example
 * const copy = restoreClassifier(JSON.parse(JSON.stringify(classifier)))
 * copy.predict('my password expired').label === classifier.predict('my password expired').label // true
 */
export function restoreClassifier(state: ClassifierState | string): Classifier {
  const saved: unknown = typeof state === 'string' ? JSON.parse(state) : state
  if (!isState(saved)) {
    throw new TypeError(`Not a saved classifier: expected an object from toJSON() with format "${stateFormat}"`)
  }
  const options = resolveOptions(saved.options)
  const k = saved.labels.length
  if (saved.bias.length !== k) throw new TypeError('The saved classifier has not one bias per label: the state is damaged')
  const dimension = 2 ** options.hashBits
  const model: LinearModel = {
    dimension,
    labels: [...saved.labels],
    weights: decodeWeights(saved.weights, dimension, k),
    bias: Float32Array.from(saved.bias),
  }
  return classifierAround(options, model)
}

function isState(value: unknown): value is ClassifierState {
  if (typeof value !== 'object' || value === null) return false
  const state = value as Partial<Record<keyof ClassifierState, unknown>>
  return (
    state.format === stateFormat &&
    typeof state.options === 'object' &&
    state.options !== null &&
    Array.isArray(state.labels) &&
    state.labels.every((label) => typeof label === 'string') &&
    Array.isArray(state.bias) &&
    state.bias.every((bias) => typeof bias === 'number') &&
    typeof state.weights === 'string'
  )
}

function classifierAround(options: ResolvedOptions, initial: LinearModel): Classifier {
  let model = initial
  const features = featureOptions(options)
  const vectorize = createVectorizer(features)
  const contributions = new BucketMap()
  let probabilities = new Float64Array(8)

  return {
    get labels() {
      return model.labels
    },

    train(examples) {
      const labels = [...new Set(examples.map((example) => example.label))]
      if (labels.length === 0) throw new RangeError('train needs at least one labelled example')
      const trained = emptyModel(2 ** options.hashBits, labels)
      const targets = Int32Array.from(examples, (example) => labels.indexOf(example.label))
      const vectors = examples.map((example) => vectorize(example.text))
      // Train on TF-IDF, then fold the IDF into the weights: predictions need no IDF table.
      const scale = idfScale(vectors, trained.dimension)
      for (const { indices, values } of vectors) {
        for (let j = 0; j < indices.length; j++) values[j]! *= scale[indices[j]!]!
      }
      fit(trained, vectors, targets, {
        epochs: options.epochs,
        learningRate: options.learningRate,
        labelWeights: labelWeights(targets, labels.length, options.balance),
        seed: options.seed,
      })
      foldScale(trained, scale)
      snapWeights(trained, options.maxWeights)
      model = trained
    },

    learn(text, label) {
      let target = model.labels.indexOf(label)
      if (target === -1) {
        model = withLabel(model, label)
        target = model.labels.length - 1
      }
      correct(model, vectorize(text, undefined, true), target, options.correctionMargin)
    },

    predict(text) {
      const k = model.labels.length
      if (k === 0) throw new Error('The classifier knows no label yet: train it, teach it with learn(), or restore a trained one')
      const words: WordFeatures[] = []
      const x = vectorize(text, words, true)
      if (probabilities.length < k) probabilities = new Float64Array(k)
      scoreInto(model, x, probabilities)
      softmaxInPlace(probabilities, k)
      const scores = model.labels.map((label, c) => ({ label, probability: probabilities[c]! }))
      scores.sort((a, b) => b.probability - a.probability)
      const best = scores[0]!
      const evidence = explain(model, x, words, model.labels.indexOf(best.label), features, options.reasonTerms, contributions)
      const reason = evidence.length > 0 ? `matched ${evidence.map((e) => `'${e.term}'`).join(', ')}` : 'no telling words: the label the model leans to by default'
      return { label: best.label, confidence: best.probability, scores, reasons: [reason], evidence }
    },

    toJSON() {
      return {
        format: stateFormat,
        options: { ...options },
        labels: [...model.labels],
        bias: Array.from(model.bias),
        weights: encodeWeights(model),
      }
    },
  }
}

/** Each label's weight in the loss, (mean count / count) ^ balance. */
function labelWeights(targets: Int32Array, k: number, balance: number): Float64Array {
  const counts = new Float64Array(k)
  for (const target of targets) counts[target]! += 1
  const mean = targets.length / k
  return counts.map((count) => (mean / count) ** balance)
}

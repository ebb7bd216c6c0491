import type { FeatureOptions } from './features.ts'

/**
 * Knobs of a classifier. Every one has a default, measured on real IT tickets (see README.md);
 * the feature knobs are fixed at creation and saved with the model.
 */
export interface ClassifierOptions {
  /** log2 of the number of hashed feature buckets. Default 18 (262,144). */
  hashBits?: number
  /** Shortest and longest character n-gram taken inside each word, or false for none. Default [4, 4]. */
  charNgrams?: readonly [number, number] | false
  /** Whether pairs of adjacent words are features. Default true. */
  wordBigrams?: boolean
  /** How many opening words (a ticket's subject) count once more as features of their own. Default 3. */
  leadWords?: number
  /** Share of a text's vector given to character n-grams, the rest going to words. Default 0.5. */
  charShare?: number
  /** Passes over the examples in `train`. Default 3. */
  epochs?: number
  /** Step size of stochastic gradient descent. Default 1. */
  learningRate?: number
  /** How much rare labels are weighted up in `train`: 0 not at all, 1 by inverse frequency. Default 0.5. */
  balance?: number
  /** Only this many of the largest trained weights are kept, which bounds the saved model's size. Default 150,000. */
  maxWeights?: number
  /** Seed of the training shuffles: the same examples, options and seed give the same model. Default 1. */
  seed?: number
  /** Log-odds by which `learn` makes the taught label beat every other on the taught text. Default 2. */
  correctionMargin?: number
  /** How many terms `predict` names as reasons. Default 3. */
  reasonTerms?: number
}

/** The defaults of `ClassifierOptions`. */
export const defaultClassifierOptions = {
  hashBits: 18,
  charNgrams: [4, 4],
  wordBigrams: true,
  leadWords: 3,
  charShare: 0.5,
  epochs: 3,
  learningRate: 1,
  balance: 0.5,
  maxWeights: 150_000,
  seed: 1,
  correctionMargin: 2,
  reasonTerms: 3,
} as const satisfies Required<ClassifierOptions>

export type ResolvedOptions = Required<ClassifierOptions>

/**
 * The options with defaults filled in, checked.
 *
 * @throws RangeError naming the first option out of range
 */
export function resolveOptions(options: ClassifierOptions): ResolvedOptions {
  const resolved: ResolvedOptions = { ...defaultClassifierOptions, ...options }
  const fail = (name: string, rule: string, value: unknown) => {
    throw new RangeError(`Classifier option ${name} must be ${rule}; got ${JSON.stringify(value)}`)
  }
  const { hashBits, charNgrams, charShare, leadWords, epochs, learningRate, balance, maxWeights, correctionMargin, reasonTerms } = resolved
  if (!Number.isInteger(hashBits) || hashBits < 8 || hashBits > 24) fail('hashBits', 'an integer from 8 to 24', hashBits)
  if (charNgrams !== false) {
    const [min, max] = charNgrams
    if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && min <= max && max <= 8)) {
      fail('charNgrams', 'false or [min, max] with 1 <= min <= max <= 8', charNgrams)
    }
  }
  if (!(charShare >= 0 && charShare <= 1)) fail('charShare', 'within 0..1', charShare)
  if (!Number.isInteger(leadWords) || leadWords < 0) fail('leadWords', 'a whole number', leadWords)
  if (!Number.isInteger(epochs) || epochs < 1) fail('epochs', 'a positive integer', epochs)
  if (!(learningRate > 0)) fail('learningRate', 'positive', learningRate)
  if (!(balance >= 0 && balance <= 1)) fail('balance', 'within 0..1', balance)
  if (!Number.isInteger(maxWeights) || maxWeights < 1) fail('maxWeights', 'a positive integer', maxWeights)
  if (!(correctionMargin > 0)) fail('correctionMargin', 'positive', correctionMargin)
  if (!Number.isInteger(reasonTerms) || reasonTerms < 0) fail('reasonTerms', 'a whole number', reasonTerms)
  return resolved
}

/** The feature extraction part of the options. */
export function featureOptions(options: ResolvedOptions): FeatureOptions {
  return {
    hashBits: options.hashBits,
    charNgrams: options.charNgrams === false ? [0, 0] : options.charNgrams,
    wordBigrams: options.wordBigrams,
    leadWords: options.leadWords,
    charShare: options.charNgrams === false ? 0 : options.charShare,
  }
}

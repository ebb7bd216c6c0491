import { BucketMap } from './bucket-map.ts'
import { stem } from './stem.ts'
import { isContentWord, normalizeText } from './tokenize.ts'

// Feature hashing (Weinberger et al. 2009, https://arxiv.org/abs/0902.2206): every feature is
// hashed straight to one of 2^hashBits buckets, so there is no vocabulary to store or grow, and a
// model has a fixed size whatever the text it meets.

/** How a text becomes a vector; fixed when a classifier is created. */
export interface FeatureOptions {
  /** log2 of the number of buckets. */
  hashBits: number
  /** Shortest and longest character n-gram taken inside each word, with boundary marks; [0, 0] for none. */
  charNgrams: readonly [number, number]
  /** Whether adjacent content words (bigrams) are features besides single words. */
  wordBigrams: boolean
  /** How many opening words (a ticket's subject) also count as features of their own. */
  leadWords: number
  /** Share of the vector's squared length given to character n-grams; words get the rest. */
  charShare: number
}

/** A sparse vector: parallel bucket indices and values. An index may repeat; its values then add up. */
export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

/** A word of a text with the buckets it fills, worked out once per distinct word; see `createVectorizer`. */
export interface WordFeatures {
  /** The word as found, normalized. */
  word: string
  /** Whether it counts (see `isContentWord`); stop words are remembered too, to be skipped fast. */
  kept: boolean
  hash: number
  bucket: number
  /** Bucket of the stem, or -1 when the stem is the word itself. */
  stemBucket: number
  /** Bucket of the word as one of the opening words. */
  leadBucket: number
  /** Buckets of its character n-grams. */
  grams: Int32Array
}

/**
 * Turns a text into its sparse vector; `words`, when given, receives the text's content words in
 * order. With `transient`, the vector lives in buffers that the next call overwrites: for a
 * prediction, which drops it at once, and saves two allocations.
 */
export type Vectorize = (text: string, words?: WordFeatures[], transient?: boolean) => SparseVector

const wordSeed = 0x2f1a3b5d
const bigramSeed = 0x6c8e9cf5
const leadSeed = 0x5bd1e995
const charSeed = 0x1b873593
const fnvOffset = 0x811c9dc5
const fnvPrime = 0x01000193
const wordStartMark = 2
const wordEndMark = 3
const longestWordForNgrams = 30
/** Distinct words remembered per vectorizer before the memory starts over. */
const wordMemory = 50_000

/** MurmurHash3's finalizer: spreads every input bit over the low bits used as bucket index. */
function mix(hash: number): number {
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  return (hash ^ (hash >>> 16)) >>> 0
}

/**
 * A 32-bit hash of a string (FNV-1a, then mixed); the same on every runtime.
 *
 * @param text any string
 * @param seed separates namespaces, so equal strings used as different features differ
 * @example
 * hashString('printer') === hashString('printer') // true
 */
export function hashString(text: string, seed = 0): number {
  let hash = (fnvOffset ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), fnvPrime)
  return mix(hash)
}

/** 1 + ln(count) for small counts, the sublinear term frequency of Salton & Buckley (1988). */
const logCount = Float64Array.from({ length: 64 }, (_, count) => (count === 0 ? 0 : 1 + Math.log(count)))
const sublinear = (count: number) => (count < 64 ? logCount[count]! : 1 + Math.log(count))

/**
 * Creates the function that turns a text into features: each content word (see `tokenize`), its
 * stem when different, each pair of adjacent content words, the opening words once more, and the
 * character n-grams of each word. Each of the two blocks (words, characters) is weighted by
 * 1 + ln(count) and scaled to its share of a unit length, so long and short tickets weigh alike.
 *
 * @param options see `FeatureOptions`
 * @example
 * const vectorize = createVectorizer({ hashBits: 18, charNgrams: [4, 4], wordBigrams: true, leadWords: 3, charShare: 0.5 })
 * vectorize('Printer jammed again').indices.length // 25
 */
export function createVectorizer(options: FeatureOptions): Vectorize {
  const mask = 2 ** options.hashBits - 1
  const [minGram, maxGram] = options.charNgrams
  const wordCounts = new BucketMap()
  const charCounts = new BucketMap()
  const codes = new Int32Array(longestWordForNgrams + 2)
  // Keyed by a 30-bit hash of the word's characters so that known words need no substring;
  // a rare hash collision falls back to the word itself as key.
  const known = new Map<number, WordFeatures>()
  const collided = new Map<string, WordFeatures>()

  const describe = (word: string): WordFeatures => {
    const hash = hashString(word, wordSeed)
    const stemmed = stem(word)
    const grams: number[] = []
    if (maxGram > 0 && word.length <= longestWordForNgrams && !/[0-9]/.test(word)) {
      // The word between boundary marks, so a prefix ("<pri") differs from the same letters inside.
      const length = word.length + 2
      codes[0] = wordStartMark
      for (let i = 0; i < word.length; i++) codes[i + 1] = word.charCodeAt(i)
      codes[length - 1] = wordEndMark
      for (let start = 0; start + minGram <= length; start++) {
        let gram = (fnvOffset ^ charSeed) >>> 0
        const stop = Math.min(length, start + maxGram)
        for (let i = start; i < stop; i++) {
          gram = Math.imul(gram ^ codes[i]!, fnvPrime)
          if (i - start + 1 >= minGram) grams.push(mix(gram ^ (i - start)) & mask)
        }
      }
    }
    return {
      word,
      kept: isContentWord(word),
      hash,
      bucket: hash & mask,
      stemBucket: stemmed === word ? -1 : hashString(stemmed, wordSeed) & mask,
      leadBucket: mix(hash ^ leadSeed) & mask,
      grams: Int32Array.from(grams),
    }
  }

  const lookup = (text: string, start: number, end: number, hash: number): WordFeatures => {
    const key = hash & 0x3fffffff
    const found = known.get(key)
    if (found && sameWord(found.word, text, start, end)) return found
    const word = text.slice(start, end)
    if (found) {
      const other = collided.get(word) ?? describe(word)
      collided.set(word, other)
      return other
    }
    if (known.size >= wordMemory) {
      known.clear()
      collided.clear()
    }
    const features = describe(word)
    known.set(key, features)
    return features
  }

  // State of the text being vectorized; a vectorizer handles one text at a time.
  let previous: WordFeatures | undefined
  let position = 0
  let seen: WordFeatures[] | undefined
  const addWord = (bucket: number) => wordCounts.add(bucket, 1)
  const take = (features: WordFeatures) => {
    if (!features.kept) return
    seen?.push(features)
    addWord(features.bucket)
    // The stem joins a word's forms (printers, printer); the word itself keeps its exact sense.
    if (features.stemBucket !== -1) addWord(features.stemBucket)
    if (position < options.leadWords) addWord(features.leadBucket)
    if (options.wordBigrams && previous) addWord(pairBucket(previous, features, mask))
    const { grams: wordGrams } = features
    for (let i = 0; i < wordGrams.length; i++) charCounts.add(wordGrams[i]!, 1)
    previous = features
    position++
  }

  let buffer = { indices: new Int32Array(1024), values: new Float32Array(1024) }

  return (text, words, transient = false) => {
    previous = undefined
    position = 0
    seen = words
    // Words are runs of [a-z0-9] in the normalized text, as in `tokenize`, hashed while scanned.
    const normalized = normalizeText(text)
    let start = -1
    let hash = 0
    for (let i = 0; i <= normalized.length; i++) {
      const c = i < normalized.length ? normalized.charCodeAt(i) : 32
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start === -1) {
          start = i
          hash = fnvOffset
        }
        hash = Math.imul(hash ^ c, fnvPrime)
      } else if (start !== -1) {
        take(lookup(normalized, start, i, hash))
        start = -1
      }
    }

    const size = wordCounts.size + charCounts.size
    if (transient && buffer.indices.length < size) {
      buffer = { indices: new Int32Array(size * 2), values: new Float32Array(size * 2) }
    }
    const indices = transient ? buffer.indices.subarray(0, size) : new Int32Array(size)
    const values = transient ? buffer.values.subarray(0, size) : new Float32Array(size)
    writeBlock(wordCounts, 1 - options.charShare, indices, values, 0)
    writeBlock(charCounts, options.charShare, indices, values, wordCounts.size)
    wordCounts.clear()
    charCounts.clear()
    seen = undefined
    return { indices, values }
  }
}

/**
 * The bucket of two adjacent content words.
 *
 * @param mask the number of buckets minus one
 */
export function pairBucket(first: WordFeatures, second: WordFeatures, mask: number): number {
  return mix(Math.imul(first.hash, 0x9e3779b1) ^ second.hash ^ bigramSeed) & mask
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false
  return true
}

/**
 * Writes a block's buckets and values, 1 + ln(count) scaled so that the block's squared length is
 * `share`, from position `offset`.
 */
function writeBlock(counts: BucketMap, share: number, indices: Int32Array, values: Float32Array, offset: number): void {
  let sum = 0
  for (let i = 0; i < counts.size; i++) {
    const value = sublinear(counts.values[i]!)
    values[offset + i] = value
    sum += value * value
  }
  const scale = sum === 0 ? 0 : Math.sqrt(share / sum)
  for (let i = 0; i < counts.size; i++) {
    indices[offset + i] = counts.buckets[i]!
    values[offset + i]! *= scale
  }
}

/**
 * A weight per bucket from its inverse document frequency, ln((n + 1) / (df + 1)) + 1 (the smoothed
 * IDF of Sparck Jones 1972), divided by its mean over the texts' buckets so vectors keep about their
 * length. Training on features scaled this way, then folding the scale into the weights, gives
 * TF-IDF's benefit with nothing more to store: predictions use the plain vectors.
 *
 * @param vectors the training texts' vectors
 * @param size the number of buckets
 */
export function idfScale(vectors: readonly SparseVector[], size: number): Float32Array {
  const documents = new Float64Array(size)
  const lastSeen = new Int32Array(size).fill(-1)
  let occurrences = 0
  for (let n = 0; n < vectors.length; n++) {
    const { indices } = vectors[n]!
    for (let j = 0; j < indices.length; j++) {
      const bucket = indices[j]!
      if (lastSeen[bucket] === n) continue
      lastSeen[bucket] = n
      documents[bucket]! += 1
      occurrences++
    }
  }
  const scale = new Float32Array(size)
  let sum = 0
  for (let bucket = 0; bucket < size; bucket++) {
    scale[bucket] = Math.log((vectors.length + 1) / (documents[bucket]! + 1)) + 1
    sum += scale[bucket]! * documents[bucket]!
  }
  const mean = occurrences === 0 ? 1 : sum / occurrences
  for (let bucket = 0; bucket < size; bucket++) scale[bucket]! /= mean
  return scale
}

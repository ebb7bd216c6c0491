import type { BucketMap } from './bucket-map.ts'
import type { FeatureOptions, SparseVector, WordFeatures } from './features.ts'
import { pairBucket } from './features.ts'
import type { LinearModel } from './linear-model.ts'

/** A term of the text and how much it pushed toward the predicted label, in log-odds. */
export interface Evidence {
  term: string
  weight: number
}

/**
 * The terms (words, pairs of adjacent words) that pushed most toward `label` compared with the
 * average label, strongest first. A word's push gathers its own feature, its stem's, its n-grams'
 * and its opening-word feature. A term sharing a word with a stronger one is left out
 * ("password" after "password reset").
 *
 * @param words the text's content words, in order
 * @param contributions an empty scratch map, left empty
 */
export function explain(
  model: LinearModel,
  x: SparseVector,
  words: readonly WordFeatures[],
  label: number,
  features: FeatureOptions,
  count: number,
  contributions: BucketMap,
): Evidence[] {
  const k = model.labels.length
  const { weights } = model
  const { indices, values } = x
  for (let j = 0; j < indices.length; j++) {
    const base = indices[j]! * k
    let sum = 0
    for (let c = 0; c < k; c++) sum += weights[base + c]!
    contributions.add(indices[j]!, values[j]! * (weights[base + label]! - sum / k))
  }
  // Candidate terms in parallel lists: a word (second undefined) or a pair of adjacent words.
  const mask = model.dimension - 1
  const firsts: WordFeatures[] = []
  const seconds: (WordFeatures | undefined)[] = []
  const pushes: number[] = []
  const wordAt = new Map<WordFeatures, number>()
  for (let position = 0; position < words.length; position++) {
    const word = words[position]!
    let at = wordAt.get(word)
    if (at === undefined) {
      let push = contributions.get(word.bucket)
      if (word.stemBucket !== -1) push += contributions.get(word.stemBucket)
      for (let i = 0; i < word.grams.length; i++) push += contributions.get(word.grams[i]!)
      at = pushes.push(push) - 1
      firsts.push(word)
      seconds.push(undefined)
      wordAt.set(word, at)
    }
    if (position < features.leadWords) pushes[at]! += contributions.get(word.leadBucket)
    const before = words[position - 1]
    if (features.wordBigrams && before) {
      pushes.push(contributions.get(pairBucket(before, word, mask)))
      firsts.push(before)
      seconds.push(word)
    }
  }
  contributions.clear()

  // The strongest candidate that shares no word with one already chosen, `count` times over.
  const chosen: number[] = []
  const overlaps = (a: number, b: number) =>
    firsts[a] === firsts[b] || firsts[a] === seconds[b] || (seconds[a] !== undefined && (seconds[a] === firsts[b] || seconds[a] === seconds[b]))
  while (chosen.length < count) {
    let best = -1
    for (let i = 0; i < pushes.length; i++) {
      if (pushes[i]! <= 0 || (best !== -1 && pushes[i]! <= pushes[best]!)) continue
      if (!chosen.some((c) => overlaps(c, i))) best = i
    }
    if (best === -1) break
    chosen.push(best)
  }
  return chosen.map((i) => ({
    term: seconds[i] ? `${firsts[i]!.word} ${seconds[i]!.word}` : firsts[i]!.word,
    weight: Math.round(pushes[i]! * 1000) / 1000,
  }))
}

import { terms } from '../similar/terms.ts'

/** Term counts of a text, ready for {@link termCosine}; compute once per report when comparing many. */
export type TermVector = ReadonlyMap<string, number>

export function termVector(text: string): TermVector {
  const counts = new Map<string, number>()
  for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1)
  return counts
}

/**
 * Cosine similarity (0..1) of two texts' term counts, after the same folding, stop words and
 * stemming as the similar-incident index: "Checkout fails with error 500" and "error 500 on
 * checkout" are close, an invoice question is not.
 */
export function termCosine(a: TermVector, b: TermVector): number {
  let dot = 0
  let normA = 0
  let normB = 0
  for (const [term, count] of a) {
    normA += count * count
    dot += count * (b.get(term) ?? 0)
  }
  for (const count of b.values()) normB += count * count
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}

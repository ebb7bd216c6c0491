/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every
 * runtime, so training shuffles, and therefore trained models, are reproducible.
 *
 * @param seed any 32-bit integer
 * @returns a function giving floats in [0, 1)
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates shuffle in place, driven by `random`. */
export function shuffle<T>(items: { [index: number]: T; length: number }, random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = items[i] as T
    items[i] = items[j] as T
    items[j] = swap
  }
}

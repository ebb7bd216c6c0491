/**
 * The documents (slots) holding one term and how often: parallel typed arrays that double when
 * full, so a term in 100,000 incidents costs two flat buffers rather than 100,000 objects.
 */
export interface Postings {
  slots: Int32Array
  counts: Uint16Array
  /** How many entries are in use; also the term's document frequency. */
  length: number
}

export function createPostings(): Postings {
  return { slots: new Int32Array(4), counts: new Uint16Array(4), length: 0 }
}

export function addPosting(postings: Postings, slot: number, count: number): void {
  if (postings.length === postings.slots.length) {
    const slots = new Int32Array(postings.length * 2)
    const counts = new Uint16Array(postings.length * 2)
    slots.set(postings.slots)
    counts.set(postings.counts)
    postings.slots = slots
    postings.counts = counts
  }
  postings.slots[postings.length] = slot
  postings.counts[postings.length] = Math.min(count, 0xffff)
  postings.length++
}

/** Removes a slot by moving the last entry into its place: order does not matter to scoring. */
export function removePosting(postings: Postings, slot: number): void {
  const { slots, counts } = postings
  for (let i = 0; i < postings.length; i++) {
    if (slots[i] !== slot) continue
    const last = --postings.length
    slots[i] = slots[last] ?? 0
    counts[i] = counts[last] ?? 0
    return
  }
}

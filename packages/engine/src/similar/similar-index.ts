import type { Postings } from './postings.ts'
import { addPosting, createPostings, removePosting } from './postings.ts'
import { terms } from './terms.ts'
import type { PastIncident, SimilarIncident, SimilarIndex, SimilarIndexOptions, SimilarSearchOptions } from './types.ts'

const defaults = { minScore: 0.3, k1: 1.2, b: 0.75 } satisfies Required<SimilarIndexOptions>

/**
 * An in-memory BM25 index of past incidents over their symptoms (folded, stop words out, stemmed,
 * English and French), answering "has this happened before, and how was it fixed?".
 * Postings are typed arrays; a search only touches the incidents sharing a term with the query.
 * @see https://en.wikipedia.org/wiki/Okapi_BM25
 *
 * @example
 * const index = createSimilarIndex()
 * index.add({ id: 'inc_1', number: 'INC-000001', text: 'Invoice PDF download fails', createdAt: 0, resolved: true, publicResolution: 'Fixed in 2.3' })
 * index.search('cannot download my invoice as PDF')[0]?.number // 'INC-000001'
 */
/* @__NO_SIDE_EFFECTS__ */
export function createSimilarIndex(options: SimilarIndexOptions = {}): SimilarIndex {
  // `??` rather than a spread: an option passed as `undefined` keeps its default.
  const minScore = options.minScore ?? defaults.minScore
  const k1 = options.k1 ?? defaults.k1
  const b = options.b ?? defaults.b

  const termIds = new Map<string, number>()
  const postings: Postings[] = []
  const slotById = new Map<string, number>()
  const freeSlots: number[] = []
  const incidents: (PastIncident | undefined)[] = []
  const slotTerms: Int32Array[] = []
  let lengths = new Float64Array(64)
  // Search scratch space, one entry per slot: accumulated scores (0 = untouched) and touched slots.
  let scores = new Float64Array(64)
  let touched = new Int32Array(64)
  let totalLength = 0

  function counted(text: string): Map<string, number> {
    const counts = new Map<string, number>()
    for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1)
    return counts
  }

  function takeSlot(): number {
    const free = freeSlots.pop()
    if (free !== undefined) return free
    const slot = incidents.length
    if (slot === lengths.length) {
      const grown = new Float64Array(slot * 2)
      grown.set(lengths)
      lengths = grown
      scores = new Float64Array(slot * 2)
      touched = new Int32Array(slot * 2)
    }
    return slot
  }

  function remove(id: string): boolean {
    const slot = slotById.get(id)
    if (slot === undefined) return false
    for (const termId of slotTerms[slot] ?? []) {
      const list = postings[termId]
      if (list) removePosting(list, slot)
    }
    totalLength -= lengths[slot] ?? 0
    lengths[slot] = 0
    incidents[slot] = undefined
    slotTerms[slot] = new Int32Array(0)
    slotById.delete(id)
    freeSlots.push(slot)
    return true
  }

  function add(incident: PastIncident): void {
    const existing = slotById.get(incident.id)
    if (existing !== undefined && incidents[existing]?.text === incident.text) {
      incidents[existing] = { ...incident }
      return
    }
    if (existing !== undefined) remove(incident.id)
    const slot = takeSlot()
    const counts = counted(incident.text)
    const ids = new Int32Array(counts.size)
    let i = 0
    let length = 0
    for (const [term, count] of counts) {
      let termId = termIds.get(term)
      if (termId === undefined) {
        termId = postings.length
        termIds.set(term, termId)
        postings.push(createPostings())
      }
      addPosting(postings[termId] as Postings, slot, count)
      ids[i++] = termId
      length += count
    }
    incidents[slot] = { ...incident }
    slotTerms[slot] = ids
    lengths[slot] = length
    totalLength += length
    slotById.set(incident.id, slot)
  }

  function search(text: string, searchOptions: SimilarSearchOptions = {}): SimilarIncident[] {
    const limit = searchOptions.limit ?? 5
    const threshold = searchOptions.minScore ?? minScore
    const live = slotById.size
    const query = counted(text)
    if (live === 0 || query.size === 0 || limit <= 0) return []
    const averageLength = totalLength / live || 1
    let queryLength = 0
    for (const count of query.values()) queryLength += count

    // The score an incident with exactly the query's words would get: the yardstick for 0..1.
    let selfScore = 0
    let touchedCount = 0
    for (const [term, queryCount] of query) {
      const termId = termIds.get(term)
      const list = termId === undefined ? undefined : postings[termId]
      const frequency = list?.length ?? 0
      const idf = Math.log(1 + (live - frequency + 0.5) / (frequency + 0.5))
      selfScore += (idf * queryCount * (k1 + 1)) / (queryCount + k1 * (1 - b + (b * queryLength) / averageLength))
      if (!list) continue
      const { slots, counts } = list
      const lengthWeight = (k1 * b) / averageLength
      const baseNorm = k1 * (1 - b)
      const gain = idf * (k1 + 1)
      for (let i = 0; i < list.length; i++) {
        const slot = slots[i] as number
        const count = counts[i] as number
        const previous = scores[slot] as number
        if (previous === 0) touched[touchedCount++] = slot
        scores[slot] = previous + (gain * count) / (count + baseNorm + lengthWeight * (lengths[slot] as number))
      }
    }

    // Keep the best `limit` as (slot, score) pairs; build result objects for those alone.
    const bestSlots: number[] = []
    const bestScores: number[] = []
    const floor = threshold * selfScore
    for (let t = 0; t < touchedCount; t++) {
      const slot = touched[t] as number
      const raw = scores[slot] as number
      scores[slot] = 0
      if (raw < floor) continue
      const score = Math.round(Math.min(1, raw / selfScore) * 1000) / 1000
      if (bestSlots.length === limit && !ranksBefore(score, slot, bestScores[limit - 1] as number, bestSlots[limit - 1] as number)) continue
      const incident = incidents[slot] as PastIncident
      if (searchOptions.onlyResolved && !incident.resolved) continue
      if (searchOptions.onlyPublic && !incident.publicResolution) continue
      if (incident.id === searchOptions.excludeId) continue
      if (searchOptions.accept && !searchOptions.accept(incident.id)) continue
      let at = bestSlots.length
      while (at > 0 && ranksBefore(score, slot, bestScores[at - 1] as number, bestSlots[at - 1] as number)) at--
      bestSlots.splice(at, 0, slot)
      bestScores.splice(at, 0, score)
      if (bestSlots.length > limit) {
        bestSlots.pop()
        bestScores.pop()
      }
    }
    return bestSlots.map((slot, i) => toResult(incidents[slot] as PastIncident, bestScores[i] as number))
  }

  /** Score first, then the newer incident, then the id: equal inputs give equal outputs. */
  function ranksBefore(score: number, slot: number, otherScore: number, otherSlot: number): boolean {
    if (score !== otherScore) return score > otherScore
    const incident = incidents[slot] as PastIncident
    const other = incidents[otherSlot] as PastIncident
    if (incident.createdAt !== other.createdAt) return incident.createdAt > other.createdAt
    return incident.id < other.id
  }

  return {
    add,
    remove,
    has: (id) => slotById.has(id),
    get size() {
      return slotById.size
    },
    search,
  }
}

function toResult(incident: PastIncident, score: number): SimilarIncident {
  const result: SimilarIncident = {
    id: incident.id,
    number: incident.number,
    score,
    resolved: incident.resolved ?? false,
    createdAt: incident.createdAt,
  }
  if (incident.resolution !== undefined) result.resolution = incident.resolution
  if (incident.publicResolution !== undefined) result.publicResolution = incident.publicResolution
  return result
}

import { createSimilarIndex } from '../similar/index.ts'
import type { RecentReport } from './decide-grouping.ts'

/** An incident as the candidate set keeps it: what grouping decides on, and its symptoms. */
export interface CandidateIncident {
  id: string
  symptoms: string
  status: string
  category: string
  parentId: string | null
  isMajor: boolean
  /** Milliseconds since the epoch. */
  createdAt: number
}

export interface GroupCandidatesOptions {
  /** How long a report stays a candidate after it was created, in ms (grouping's window). */
  windowMs: number
  /** Similarity below which a candidate is not returned: decideGrouping's `minSimilarity`. Default 0.5. */
  minSimilarity?: number
  /** The latest members of each major incident kept as candidates (their votes lead new reports to it). Default 32. */
  membersPerGroup?: number
}

export interface GroupCandidates {
  /** Folds in an incident's current state: added, replaced, or dropped when no longer a candidate. */
  update(incident: CandidateIncident, now: number): void
  /** Forgets an incident (e.g. a report planned but never written). */
  remove(id: string): void
  /** Drops what left the window. */
  prune(now: number): void
  /** The candidates at least `minSimilarity` similar to `text` (BM25 score over the text's own score), best first, for `decideGrouping`. */
  search(text: string, excludeId: string): RecentReport[]
  readonly size: number
}

/**
 * The reports grouping looks at, kept apart from the whole history so a report's grouping costs
 * the same however large the history and however long an outage: open reports of the window not
 * yet grouped, major incidents, and only the latest few dozen wordings among each group's members
 * — they all vote for the same parent, so a few votes decide as well as thousands.
 */
export function createGroupCandidates(options: GroupCandidatesOptions): GroupCandidates {
  const membersPerGroup = options.membersPerGroup ?? 32
  // Scores come rounded to 3 decimals: search from half a step lower, so exactly what rounds to the
  // threshold comes back, as decideGrouping would count it. The rest never enters the top-k sort.
  const minScore = (options.minSimilarity ?? 0.5) - 0.0005
  const index = createSimilarIndex()
  const candidates = new Map<string, CandidateIncident>()
  // Per major incident, its members that are candidates, oldest first.
  const membersByParent = new Map<string, string[]>()

  function drop(id: string): void {
    index.remove(id)
    candidates.delete(id)
  }

  /** Keeps the group's latest members, one per wording: a repeated text adds no vote a search needs. */
  function keepLatestMembers(parentId: string, id: string, symptoms: string): void {
    const members: string[] = []
    for (const member of membersByParent.get(parentId) ?? []) {
      const candidate = candidates.get(member)
      if (member === id || candidate?.parentId !== parentId) continue
      if (candidate.symptoms === symptoms) drop(member)
      else members.push(member)
    }
    members.push(id)
    while (members.length > membersPerGroup) drop(members.shift() as string)
    membersByParent.set(parentId, members)
  }

  return {
    update(incident, now) {
      const open = incident.status !== 'resolved' && incident.status !== 'closed'
      if (!open || incident.createdAt < now - options.windowMs) return drop(incident.id)
      const before = candidates.get(incident.id)
      candidates.set(incident.id, { ...incident })
      if (before?.symptoms !== incident.symptoms) index.add({ id: incident.id, number: '', text: incident.symptoms, createdAt: incident.createdAt })
      if (incident.parentId !== null && !incident.isMajor) keepLatestMembers(incident.parentId, incident.id, incident.symptoms)
    },
    remove: drop,
    prune(now) {
      for (const [id, candidate] of candidates) if (candidate.createdAt < now - options.windowMs) drop(id)
      for (const [parentId, members] of membersByParent) {
        const kept = members.filter((member) => candidates.get(member)?.parentId === parentId)
        if (kept.length === 0) membersByParent.delete(parentId)
        else membersByParent.set(parentId, kept)
      }
    },
    search(text, excludeId) {
      return index.search(text, { limit: 50, excludeId, minScore }).flatMap((match) => {
        const candidate = candidates.get(match.id)
        if (!candidate) return []
        const { id, createdAt, category, parentId, isMajor } = candidate
        return [{ id, text: '', createdAt, category, parentId, isMajor, similarity: match.score }]
      })
    },
    get size() {
      return candidates.size
    },
  }
}

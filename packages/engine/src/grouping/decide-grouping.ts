/** A group of recent reports as a new report is compared with it. */
export interface ScoredCluster {
  /** The cluster's id: the major incident's id, or the id of its oldest report while it has none. */
  id: string
  /** The major incident it is, or `null` while its reports are still loose. */
  majorId: string | null
  /** Its loose reports (none once a major incident), oldest first. */
  memberIds: readonly string[]
  /** How many reports it holds, loose or grouped. */
  reports: number
  /** Similarity of the new report to the cluster's profile (0..1), bonuses and agents' lessons included. */
  similarity: number
  /** Similarity of the cluster's profile to the most similar cluster's (1 for that one): whether a report may bridge them. */
  affinity: number
  /** An agent took a report like this one out of a group like this one: never join. */
  apart?: boolean
  /** Why its reports belong together, in words: "about signing in: 'login', 'connexion'". */
  about?: string
  /** Minutes between its first report and now. */
  minutes?: number
}

export interface GroupingOptions {
  /** Reports, the new one included, that open a major incident; default 5. */
  minReports?: number
  /** Similarity from which a report joins a cluster; default 0.45. */
  minSimilarity?: number
  /** Affinity from which two clusters a report is similar to are one; default 0.5. */
  minAffinity?: number
}

/** What grouping decided for one report. */
export type GroupingDecision =
  | {
      group: false
      reason: string
      /** Loose reports it is now counted with (not grouped yet). */
      similarIds: string[]
      /** The clusters it joins (the first) or bridges into one; empty: it starts its own. */
      clusterIds: string[]
    }
  | {
      group: true
      /** The major incident to join, or `null` to open one. */
      parentId: string | null
      /** Loose reports to put under the parent, the new one last. */
      memberIds: string[]
      reason: string
      clusterIds: string[]
      /** Set by `GroupCandidates.plan`: the group in words, the new report included ("6 reports in 2 min about signing in: …"). */
      summary?: string
      /** Set by `GroupCandidates.plan`: the category most of the group's reports have. */
      category?: string
    }

export const groupingDefaults = { minReports: 5, minSimilarity: 0.47, minAffinity: 0.5 } satisfies Required<GroupingOptions>

/**
 * The major-incident rule's window: `minReports` similar reports within it open a major incident
 * (5 in 10 minutes). The one definition; the server's in-memory candidates use it too.
 */
export const majorIncidentWindowMs = 10 * 60_000

/**
 * Whether a new report belongs to an outage, from its similarity to the recent clusters of reports
 * (see `createGroupCandidates`): it joins the most similar cluster from `minSimilarity` on,
 * bridging into it the other similar clusters close enough to it. A cluster that is a major
 * incident is joined; loose reports become one when they reach `minReports`. Reports that are not
 * eligible (questions, requests) never group: the caller leaves them out of the clusters.
 *
 * @example
 * decideGrouping('r_9', [{ id: 'r_1', majorId: null, memberIds: ['r_1', 'r_2', 'r_3', 'r_4'], reports: 4, similarity: 0.7, affinity: 1, about: 'signing in', minutes: 3 }])
 * // { group: true, parentId: null, memberIds: ['r_1', 'r_2', 'r_3', 'r_4', 'r_9'], reason: '5 reports in 3 min about signing in: open a major incident', … }
 */
export function decideGrouping(reportId: string, clusters: readonly ScoredCluster[], options: GroupingOptions = {}): GroupingDecision {
  const minReports = options.minReports ?? groupingDefaults.minReports
  const minSimilarity = options.minSimilarity ?? groupingDefaults.minSimilarity
  const minAffinity = options.minAffinity ?? groupingDefaults.minAffinity
  const ranked = clusters.filter((cluster) => !cluster.apart).sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const best = ranked[0]
  if (!best || best.similarity < minSimilarity) return { group: false, reason: 'nothing similar among the recent reports', similarIds: [], clusterIds: [] }

  // Clusters whose profiles resemble the best one's are the same outage told other ways: they go with it. Major incidents are never merged here (agents do that).
  const joined = ranked.filter((cluster) => cluster === best || (cluster.affinity >= minAffinity && (cluster.majorId === null || best.majorId === null)))
  const major = joined.find((cluster) => cluster.majorId !== null)
  const loose = joined.filter((cluster) => cluster.majorId === null).flatMap((cluster) => cluster.memberIds)
  const clusterIds = joined.map((cluster) => cluster.id)
  const about = best.about ? ` about ${best.about}` : ''

  if (major?.majorId) {
    const also = loose.length === 0 ? '' : ` with ${loose.length} similar loose report${loose.length === 1 ? '' : 's'}`
    return {
      group: true,
      parentId: major.majorId,
      memberIds: [...loose, reportId],
      reason: `joins major incident ${major.majorId}${major.about ? `, about ${major.about}` : ''} (similarity ${major.similarity.toFixed(2)})${also}`,
      clusterIds,
    }
  }
  const total = loose.length + 1
  const minutes = Math.max(1, Math.ceil(Math.max(...joined.map((cluster) => cluster.minutes ?? 0))))
  if (total < minReports) {
    return {
      group: false,
      similarIds: loose,
      reason: `${total} similar reports in ${minutes} min${about}; ${minReports} open a major incident`,
      clusterIds,
    }
  }
  return { group: true, parentId: null, memberIds: [...loose, reportId], reason: `${total} reports in ${minutes} min${about}: open a major incident`, clusterIds }
}

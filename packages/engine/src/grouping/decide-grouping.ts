import type { TermVector } from './term-cosine.ts'
import { termCosine, termVector } from './term-cosine.ts'

/** A report as grouping sees it. */
export interface GroupingReport {
  id: string
  /** The symptoms. */
  text: string
  /** Milliseconds since the epoch. */
  createdAt: number
  category: string
}

/** An earlier report of the same app. */
export interface RecentReport extends GroupingReport {
  /** The major incident it already belongs to, if any. */
  parentId?: string | null
  /** True for a major incident itself: never counted as a member, but joined when similar. */
  isMajor?: boolean
  /** Similarity to the new report (0..1) when the caller has one, e.g. a BM25 score; otherwise a term cosine is used. */
  similarity?: number
}

export interface GroupingOptions {
  /** Similar reports, the new one included, that make a major incident; default 5. */
  minReports?: number
  /** How far back to look from the new report, in minutes, ends included; default 10. */
  windowMinutes?: number
  /** Similarity from which two reports describe the same problem; default 0.5. */
  minSimilarity?: number
  /** Count only reports of the new report's category; default true. */
  sameCategory?: boolean
}

export type GroupingDecision =
  | { group: false; reason: string; similarIds: string[] }
  | {
      group: true
      /** The major incident to join, or `null` to create one. */
      parentId: string | null
      /** Reports to attach to the parent, the new one included, oldest first. */
      memberIds: string[]
      reason: string
    }

const defaults = { minReports: 5, windowMinutes: 10, minSimilarity: 0.5, sameCategory: true } satisfies Required<GroupingOptions>

/**
 * Whether a new report belongs to a major incident: it joins the one similar recent reports already
 * belong to, or opens one when at least `minReports` similar reports (itself included) arrived
 * within `windowMinutes`. Reports after the new one, of another category, or dissimilar do not count.
 *
 * @example
 * decideGrouping(report, recentReportsOfTheApp)
 * // { group: true, parentId: null, memberIds: [...5 ids], reason: '5 similar reports in 10 minutes (…): open a major incident' }
 */
export function decideGrouping(report: GroupingReport, recent: readonly RecentReport[], options: GroupingOptions = {}): GroupingDecision {
  const opts = {
    minReports: options.minReports ?? defaults.minReports,
    windowMinutes: options.windowMinutes ?? defaults.windowMinutes,
    minSimilarity: options.minSimilarity ?? defaults.minSimilarity,
    sameCategory: options.sameCategory ?? defaults.sameCategory,
  } satisfies Required<GroupingOptions>
  const windowStart = report.createdAt - opts.windowMinutes * 60_000
  let vector: TermVector | undefined

  const similar = recent
    .filter((other) => other.id !== report.id && other.createdAt >= windowStart && other.createdAt <= report.createdAt)
    .filter((other) => !opts.sameCategory || other.category === report.category)
    .filter((other) => (other.similarity ?? termCosine((vector ??= termVector(report.text)), termVector(other.text))) >= opts.minSimilarity)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  const window = `${opts.windowMinutes} minute${opts.windowMinutes === 1 ? '' : 's'}`
  const parentId = parentToJoin(similar)
  if (parentId !== null) {
    const memberIds = [...similar.filter((other) => !other.isMajor && !other.parentId).map((other) => other.id), report.id]
    const already = similar.filter((other) => other.parentId === parentId).length
    return {
      group: true,
      parentId,
      memberIds,
      reason:
        already === 0
          ? `similar to major incident ${parentId}`
          : `similar to major incident ${parentId}, which ${already} similar report${already === 1 ? '' : 's'} of the last ${window} already joined`,
    }
  }

  const members = similar.filter((other) => !other.isMajor)
  const total = members.length + 1
  if (total < opts.minReports) {
    return {
      group: false,
      similarIds: members.map((other) => other.id),
      reason: `${total} similar report${total === 1 ? '' : 's'} in the last ${window}; ${opts.minReports} open a major incident`,
    }
  }
  const memberIds = [...members.map((other) => other.id), report.id]
  return {
    group: true,
    parentId: null,
    memberIds,
    reason: `${total} similar reports in ${window} (${memberIds.join(', ')}): open a major incident`,
  }
}

/** The major incident most similar reports belong to (a similar major incident counts as one); ties to the smaller id. */
function parentToJoin(similar: readonly RecentReport[]): string | null {
  const votes = new Map<string, number>()
  for (const other of similar) {
    const parent = other.isMajor ? other.id : other.parentId
    if (parent) votes.set(parent, (votes.get(parent) ?? 0) + 1)
  }
  let best: string | null = null
  let bestVotes = 0
  for (const [parent, count] of votes) {
    if (count > bestVotes || (count === bestVotes && best !== null && parent < best)) {
      best = parent
      bestVotes = count
    }
  }
  return best
}

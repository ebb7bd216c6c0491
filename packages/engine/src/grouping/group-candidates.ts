import type { DiagnosticAnswer, IncidentKind } from '@triage/protocol'
import type { GroupingDecision, GroupingOptions, ScoredCluster } from './decide-grouping.ts'
import { decideGrouping, groupingDefaults, majorIncidentWindowMs } from './decide-grouping.ts'
import type { GroupExplanation, GroupWords } from './explain-group.ts'
import { countGroupWords, emptyGroupWords, explainGroup, summaryOf } from './explain-group.ts'
import type { GroupingLessons, LessonMatches } from './grouping-lessons.ts'
import type { ReportSignature } from './report-signature.ts'
import { reportSignature } from './report-signature.ts'

/** A report as grouping decides on it. */
export interface GroupingReport {
  id: string
  /** The symptoms, as written. */
  text: string
  /** Milliseconds since the epoch. */
  createdAt: number
  category: string
  kind?: IncidentKind
  /** The page it came from (`context.url`). */
  url?: string
  answers?: Readonly<Record<string, DiagnosticAnswer>>
}

/** An incident as storage holds it: what the candidates fold in (a report, or a major incident). */
export interface CandidateIncident {
  id: string
  symptoms: string
  status: string
  category: string
  parentId: string | null
  isMajor: boolean
  /** Milliseconds since the epoch. */
  createdAt: number
  kind?: IncidentKind
  context?: Readonly<Record<string, unknown>>
  answers?: Readonly<Record<string, DiagnosticAnswer>>
}

export interface GroupCandidatesOptions extends GroupingOptions {
  /** How long a report stays a candidate after it was created, in ms (grouping's window); default majorIncidentWindowMs. */
  windowMs?: number
  /** Added to the similarity when the report's category is the cluster's main one: a weak signal, not a gate. Default 0.03. */
  categoryBonus?: number
  /** Added when the report and the cluster both say many people are hit. Default 0.03. */
  widespreadBonus?: number
  /** Added when the cluster is bursting: its latest `burstReports` reports came within `burstMs`. Default 0.05. */
  burstBonus?: number
  /** Reports that make a burst; default 3. */
  burstReports?: number
  /** How close together they came, in ms; default 2 minutes. */
  burstMs?: number
  /** Factor on the similarity of a report that names no failure. Default 0.75. */
  noFailureFactor?: number
  /** Factor on the similarity of a report that fails otherwise than the cluster's (wrong values in an outage of things not working). Default 0.8. */
  otherFailureFactor?: number
  /** Features kept in a cluster's profile. Default 48. */
  profileFeatures?: number
  /** Reports of a major incident folded into its profile; later ones join without changing it. Default 64. */
  profileReports?: number
  /** Loose reports kept, the newest (a bound on memory, far above any real window). Default 20,000. */
  maxLooseReports?: number
}

/** A group of recent reports: loose ones, or a major incident with its recent members. */
interface Cluster {
  id: string
  majorId: string | null
  /** Loose members (none for a major incident), in arrival order. */
  loose: Map<string, Member>
  /** Members folded into the profile, with what they added, so a split or an expiry can take it out again. */
  folded: Map<string, Member>
  /** The latest members' ids beyond those folded in: a report read again from storage is not counted twice. */
  recent: Set<string>
  /** The sum of its members' signatures; the profile is its direction. */
  sum: Map<string, number>
  /** Its explanation's words, and the report count they were ranked at: a big group's words change slowly. */
  explained: { at: number; about: string; words: string[] } | undefined
  /** The length of `sum`, worked out once per change. */
  norm: number | undefined
  /** Scratch of a search: the report's dot product with `sum` over the features read so far (0 between searches). */
  acc: number
  /** The profile (unit length) and its leading features, worked out once per change of `sum`. */
  cached: { profile: Map<string, number>; leading: string[] } | undefined
  /** Set when the profile came from the major incident's own text, before any member was seen. */
  seeded: boolean
  reports: number
  firstAt: number
  lastAt: number
  categories: Map<string, number>
  widespread: number
  /** Members that name a failure; a cluster of none is an outage only at a discount. */
  failing: number
  /** Members by how they say it fails (see `ReportSignature.failures`). */
  failures: { down: number; wrong: number }
  /** When its latest members arrived (at most `burstReports`), oldest first: whether it is bursting. */
  arrivals: number[]
  words: GroupWords
}

interface Member {
  id: string
  createdAt: number
  category: string
  signature: ReportSignature
}

export interface GroupCandidates {
  /**
   * Decides a new report's group and counts it at once (before it is written, so concurrent
   * reports see each other). Take it back with `remove` when the report is not written.
   */
  plan(report: GroupingReport): GroupingDecision
  /** Folds in an incident's current state as storage holds it: added, moved, or dropped when no longer a candidate. */
  update(incident: CandidateIncident, now: number): void
  /** Forgets a report (e.g. planned but never written). */
  remove(id: string): void
  /** Drops what left the window. */
  prune(now: number): void
  /** Why a recent major incident's reports belong together, from what the candidates saw; undefined when unknown here. */
  explain(majorId: string, now: number): GroupExplanation | undefined
  /** The profile of a recent group (a major incident's id), unit length: what a lesson remembers of it. */
  profile(majorId: string): ReadonlyMap<string, number> | undefined
  /** The agents' lessons to apply from now on. */
  teach(lessons: GroupingLessons | undefined): void
  /** Recent groups and loose reports held. */
  readonly size: number
}

/**
 * The reports grouping looks at, and how they cluster: the open reports of the recent window, each
 * in a cluster of reports about the same outage (a major incident, or loose reports until there are
 * enough), in the manner of online topic detection (Allan et al., 1998): a new report joins the
 * cluster whose profile (the sum of its members' signatures) it resembles most. A report is only
 * compared with the clusters that share one of its leading features (prefix filtering, Bayardo et
 * al., 2007), so its cost depends on the window's clusters near it, not on the history or on how
 * many reports an outage already has.
 *
 * @example
 * const candidates = createGroupCandidates() // the major-incident window: 10 minutes
 * const decision = candidates.plan({ id: 'r_1', text: 'Login is stuck loading', createdAt: Date.now(), category: 'access' })
 */
const recentIds = 1024

export function createGroupCandidates(options: GroupCandidatesOptions = {}): GroupCandidates {
  const opts = {
    windowMs: options.windowMs ?? majorIncidentWindowMs,
    minReports: options.minReports ?? groupingDefaults.minReports,
    minSimilarity: options.minSimilarity ?? groupingDefaults.minSimilarity,
    minAffinity: options.minAffinity ?? groupingDefaults.minAffinity,
    categoryBonus: options.categoryBonus ?? 0.03,
    widespreadBonus: options.widespreadBonus ?? 0.03,
    noFailureFactor: options.noFailureFactor ?? 0.75,
    otherFailureFactor: options.otherFailureFactor ?? 0.8,
    burstBonus: options.burstBonus ?? 0.05,
    burstReports: options.burstReports ?? 3,
    burstMs: options.burstMs ?? 2 * 60_000,
    profileFeatures: options.profileFeatures ?? 48,
    profileReports: options.profileReports ?? 64,
    maxLooseReports: options.maxLooseReports ?? 20_000,
  }
  const clusters = new Map<string, Cluster>()
  /** Report id → the cluster it counts in (loose or folded in). */
  const clusterOf = new Map<string, string>()
  /** Feature → the clusters whose profile has it, with its weight in their sum: a report's similarities add up from these alone. */
  const postings = new Map<string, Map<Cluster, number>>()
  let looseCount = 0
  let lessons: GroupingLessons | undefined
  // Loose reports in arrival order (nearly time order): the oldest leave the window first, so
  // each planned report expires what is due in O(1) amortized, without sweeping every cluster.
  let arrivals: { id: string; createdAt: number }[] = []
  let arrivalsHead = 0

  function expire(now: number): void {
    const windowStart = now - opts.windowMs
    while (arrivalsHead < arrivals.length && (arrivals[arrivalsHead] as { createdAt: number }).createdAt < windowStart) {
      const { id } = arrivals[arrivalsHead++] as { id: string }
      const cluster = clusters.get(clusterOf.get(id) ?? '')
      if (cluster?.loose.has(id)) unfold(id)
    }
    if (arrivalsHead > 1024 && arrivalsHead * 2 > arrivals.length) {
      arrivals = arrivals.slice(arrivalsHead)
      arrivalsHead = 0
    }
  }

  function newCluster(id: string, majorId: string | null, at: number): Cluster {
    const cluster: Cluster = {
      id,
      majorId,
      loose: new Map(),
      folded: new Map(),
      recent: new Set(),
      sum: new Map(),
      norm: undefined,
      acc: 0,
      explained: undefined,
      cached: undefined,
      seeded: false,
      reports: 0,
      firstAt: at,
      lastAt: at,
      categories: new Map(),
      widespread: 0,
      failing: 0,
      failures: { down: 0, wrong: 0 },
      arrivals: [],
      words: emptyGroupWords(),
    }
    clusters.set(id, cluster)
    return cluster
  }

  function addToSum(cluster: Cluster, signature: ReportSignature, sign: 1 | -1): void {
    cluster.cached = undefined
    cluster.norm = undefined
    for (const [feature, weight] of signature.features) {
      const next = (cluster.sum.get(feature) ?? 0) + sign * weight
      if (next > 1e-9) {
        cluster.sum.set(feature, next)
        post(feature, cluster, next)
      } else if (cluster.sum.delete(feature)) unpost(feature, cluster)
    }
    // A long outage's profile keeps its strongest features only: bounded, and what it is about.
    if (cluster.sum.size > 2 * opts.profileFeatures) {
      const dropped = [...cluster.sum].sort((a, b) => b[1] - a[1]).slice(opts.profileFeatures)
      for (const [feature] of dropped) {
        cluster.sum.delete(feature)
        unpost(feature, cluster)
      }
    }
  }

  function post(feature: string, cluster: Cluster, weight: number): void {
    let list = postings.get(feature)
    if (!list) postings.set(feature, (list = new Map()))
    list.set(cluster, weight)
  }

  function unpost(feature: string, cluster: Cluster): void {
    const list = postings.get(feature)
    list?.delete(cluster)
    if (list?.size === 0) postings.delete(feature)
  }

  /** Counts a member into a cluster: its profile (while it is still learning), words and span. */
  function fold(cluster: Cluster, member: Member, loose: boolean): void {
    if (cluster.seeded) unseed(cluster)
    cluster.reports++
    cluster.firstAt = Math.min(cluster.firstAt, member.createdAt)
    cluster.lastAt = Math.max(cluster.lastAt, member.createdAt)
    cluster.categories.set(member.category, (cluster.categories.get(member.category) ?? 0) + 1)
    if (member.signature.widespread) cluster.widespread++
    if (member.signature.describesFailure) cluster.failing++
    for (const failure of member.signature.failures) cluster.failures[failure]++
    cluster.arrivals.push(member.createdAt)
    if (cluster.arrivals.length > opts.burstReports) cluster.arrivals.shift()
    countGroupWords(cluster.words, member.signature)
    if (loose) {
      cluster.loose.set(member.id, member)
      looseCount++
      arrivals.push({ id: member.id, createdAt: member.createdAt })
    }
    if (loose || cluster.folded.size < opts.profileReports) {
      addToSum(cluster, member.signature, 1)
      cluster.folded.set(member.id, member)
      clusterOf.set(member.id, cluster.id)
    } else {
      cluster.recent.add(member.id)
      if (cluster.recent.size > recentIds) cluster.recent.delete(cluster.recent.values().next().value as string)
    }
  }

  /** Moves everything a cluster counted into another: a major incident merged into another one. */
  function mergeCluster(from: Cluster, into: Cluster): void {
    if (into.seeded) unseed(into)
    for (const [feature, weight] of from.sum)
      addToSum(into, { features: new Map([[feature, weight]]), eligible: true, describesFailure: true, failures: [], widespread: false, cues: new Map() }, 1)
    for (const [id, member] of from.folded) {
      into.folded.set(id, member)
      if (clusterOf.get(id) === from.id) clusterOf.set(id, into.id)
    }
    for (const id of from.recent) into.recent.add(id)
    for (const [category, count] of from.categories) into.categories.set(category, (into.categories.get(category) ?? 0) + count)
    for (const [id, concept] of from.words.concepts) {
      const target = into.words.concepts.get(id) ?? { reports: 0, words: new Map<string, number>() }
      target.reports += concept.reports
      for (const [word, count] of concept.words) target.words.set(word, (target.words.get(word) ?? 0) + count)
      into.words.concepts.set(id, target)
    }
    into.reports += from.reports
    into.widespread += from.widespread
    into.failing += from.failing
    into.failures.down += from.failures.down
    into.failures.wrong += from.failures.wrong
    into.arrivals = [...into.arrivals, ...from.arrivals].sort((a, b) => a - b).slice(-opts.burstReports)
    into.firstAt = Math.min(into.firstAt, from.firstAt)
    into.lastAt = Math.max(into.lastAt, from.lastAt)
    from.folded.clear()
    dropCluster(from)
  }

  /** Takes a member out of its cluster; a cluster left with nothing goes. */
  function unfold(id: string): Member | undefined {
    const clusterId = clusterOf.get(id)
    if (clusterId === undefined) return undefined
    clusterOf.delete(id)
    const cluster = clusters.get(clusterId)
    if (!cluster) return undefined
    const member = cluster.loose.get(id) ?? cluster.folded.get(id)
    if (cluster.loose.delete(id)) looseCount--
    if (member && cluster.folded.delete(id)) addToSum(cluster, member.signature, -1)
    if (member) {
      cluster.reports--
      if (member.signature.describesFailure) cluster.failing--
      for (const failure of member.signature.failures) cluster.failures[failure]--
    }
    if (cluster.reports <= 0 && !cluster.seeded && (cluster.majorId === null || cluster.folded.size === 0)) dropCluster(cluster)
    return member
  }

  function unseed(cluster: Cluster): void {
    cluster.cached = undefined
    cluster.norm = undefined
    for (const feature of cluster.sum.keys()) unpost(feature, cluster)
    cluster.sum.clear()
    cluster.seeded = false
  }

  function dropCluster(cluster: Cluster): void {
    for (const feature of cluster.sum.keys()) unpost(feature, cluster)
    for (const id of [...cluster.loose.keys(), ...cluster.folded.keys()]) if (clusterOf.get(id) === cluster.id) clusterOf.delete(id)
    looseCount -= cluster.loose.size
    clusters.delete(cluster.id)
  }

  function profileOf(cluster: Cluster): Map<string, number> {
    return cachedProfile(cluster).profile
  }

  function cachedProfile(cluster: Cluster): NonNullable<Cluster['cached']> {
    if (cluster.cached) return cluster.cached
    let norm = 0
    for (const weight of cluster.sum.values()) norm += weight * weight
    const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm)
    const profile = new Map<string, number>()
    for (const [feature, weight] of cluster.sum) profile.set(feature, weight * scale)
    cluster.cached = { profile, leading: leadingFeatures(profile) }
    return cluster.cached
  }

  function normOf(cluster: Cluster): number {
    if (cluster.norm === undefined) {
      let squares = 0
      for (const weight of cluster.sum.values()) squares += weight * weight
      cluster.norm = Math.sqrt(squares)
    }
    return cluster.norm
  }

  /**
   * The clusters a report may be similar to, each with its plain similarity (cosine of the report
   * and the cluster's profile). Candidates come from the postings of the report's rarest features
   * only, until what is left of the report weighs less than `floor`: a cluster sharing none of those
   * cannot reach it (Cauchy–Schwarz; prefix filtering, Bayardo et al. 2007). Common features
   * ("error", "the whole app"), whose postings hold most clusters, are never walked.
   */
  function similarClusters(features: ReadonlyMap<string, number>, floor: number): Map<Cluster, number> {
    const rarestFirst = [...features].map(([feature, weight]) => ({ feature, weight, list: postings.get(feature) })).sort((a, b) => (a.list?.size ?? 0) - (b.list?.size ?? 0))
    let rest = 0
    for (const { weight } of rarestFirst) rest += weight * weight
    // The prefix: its postings name the candidates, with the part of their dot product it holds.
    const touched: Cluster[] = []
    let cut = 0
    for (; cut < rarestFirst.length; cut++) {
      if (Math.sqrt(Math.max(0, rest)) < floor) break
      const { weight, list } = rarestFirst[cut] as (typeof rarestFirst)[number]
      for (const [cluster, sum] of list ?? []) {
        if (cluster.acc === 0) touched.push(cluster)
        cluster.acc += weight * sum
      }
      rest -= (rarestFirst[cut] as (typeof rarestFirst)[number]).weight ** 2
    }
    // The rest of the report can add at most its own length: a candidate that cannot reach `floor` even so is dropped unread.
    const bound = Math.sqrt(Math.max(0, rest))
    const out = new Map<Cluster, number>()
    for (const cluster of touched) {
      const norm = normOf(cluster)
      let dot = cluster.acc
      cluster.acc = 0
      if (norm === 0 || dot / norm + bound < floor) continue
      for (let i = cut; i < rarestFirst.length; i++) {
        const { feature, weight } = rarestFirst[i] as (typeof rarestFirst)[number]
        dot += weight * (cluster.sum.get(feature) ?? 0)
      }
      out.set(cluster, dot / norm)
    }
    return out
  }

  /** Whether a report fails the way a good share (a third) of the cluster's reports do: "is empty" and "has a typo" are two problems of one page. */
  function failsAlike(signature: ReportSignature, cluster: Cluster): boolean {
    if (cluster.failing === 0) return true
    return signature.failures.some((failure) => cluster.failures[failure] * 3 >= cluster.failing)
  }

  /** A cluster in words; the words are ranked again once it grew by an eighth, the counts are always current. */
  function explain(cluster: Cluster, now: number): GroupExplanation {
    const minutes = (Math.max(now, cluster.lastAt) - cluster.firstAt) / 60_000
    const cached = cluster.explained
    if (!cached || cluster.reports < cached.at || cluster.reports - cached.at > cached.at / 8) {
      const fresh = explainGroup(cluster.words, { reports: cluster.reports, minutes })
      cluster.explained = { at: cluster.reports, about: fresh.about, words: fresh.words }
      return fresh
    }
    return { about: cached.about, words: cached.words, summary: summaryOf(cluster.reports, minutes, cached.about, cached.words) }
  }

  function isBursting(cluster: Cluster, now: number): boolean {
    const oldest = cluster.arrivals[0]
    return cluster.arrivals.length >= opts.burstReports && oldest !== undefined && now - oldest <= opts.burstMs
  }

  function mainCategory(cluster: Cluster): string | undefined {
    let best: string | undefined
    let count = 0
    for (const [category, n] of cluster.categories) if (n > count) [best, count] = [category, n]
    return best
  }

  /**
   * The features of a unit vector, strongest first, until the rest weighs less than the lowest
   * similarity that can still count (bonuses included): a cluster that shares none of these with
   * it cannot reach `minSimilarity` (Cauchy–Schwarz), so only clusters sharing one are compared.
   */
  function leadingFeatures(features: ReadonlyMap<string, number>): string[] {
    const threshold = opts.minSimilarity - opts.categoryBonus - opts.widespreadBonus - opts.burstBonus
    const sorted = [...features].sort((a, b) => b[1] - a[1])
    let rest = 0
    for (const [, weight] of sorted) rest += weight * weight
    const out: string[] = []
    for (const [feature, weight] of sorted) {
      if (Math.sqrt(Math.max(0, rest)) < threshold) break
      out.push(feature)
      rest -= weight * weight
    }
    return out
  }

  function score(report: { category: string }, signature: ReportSignature, now: number, matches: LessonMatches | undefined): ScoredCluster[] {
    const scored: (ScoredCluster & { profile: Map<string, number> })[] = []
    // Bonuses only add: a cluster whose plain similarity cannot reach the threshold with all of them is not scored further.
    const floor = opts.minSimilarity - opts.categoryBonus - opts.widespreadBonus - opts.burstBonus
    const plainOf = similarClusters(signature.features, floor)
    // An agent's merge taught that groups like another one are the same outage: look near that one too.
    if (matches && matches.size > 0)
      for (const partner of lessons?.partners(matches) ?? []) for (const [cluster] of similarClusters(partner, floor)) if (!plainOf.has(cluster)) plainOf.set(cluster, 0)
    const windowStart = now - opts.windowMs
    const taught = matches !== undefined && matches.size > 0
    for (const [cluster, plain] of plainOf) {
      const id = cluster.id
      if (clusters.get(id) !== cluster) continue
      // A major incident no report joined within the window is over for grouping.
      if (cluster.majorId !== null && cluster.lastAt < windowStart) {
        dropCluster(cluster)
        continue
      }
      if (plain < floor && !taught) continue
      const profile = profileOf(cluster)
      // A report that names no failure ("the invoice PDF uses an old logo") is a weaker match for an outage than its words say.
      let value = plain * (signature.describesFailure ? (failsAlike(signature, cluster) ? 1 : opts.otherFailureFactor) : opts.noFailureFactor)
      if (mainCategory(cluster) === report.category) value += opts.categoryBonus
      if (signature.widespread && cluster.widespread > 0) value += opts.widespreadBonus
      // A sudden rise of reports is evidence in itself: a cluster that just grew fast takes its like more readily.
      if (isBursting(cluster, now)) value += opts.burstBonus
      const relation = taught ? lessons?.relation(matches, profile) : null
      if (relation === 'together') value = Math.max(value, opts.minSimilarity)
      scored.push({
        id,
        majorId: cluster.majorId,
        memberIds: [...cluster.loose.keys()],
        reports: cluster.reports,
        similarity: Math.min(1, value),
        affinity: 0,
        ...(relation === 'apart' ? { apart: true } : {}),
        minutes: (now - cluster.firstAt) / 60_000,
        profile,
      })
    }
    scored.sort((a, b) => b.similarity - a.similarity)
    const best = scored.find((cluster) => !cluster.apart)
    if (best && best.similarity >= opts.minSimilarity) {
      best.affinity = 1
      // The clusters around the one the report joins: one outage told two ways can start as two
      // clusters, and they become one once their profiles meet (agglomerative, as reports arrive).
      // Only clusters sharing one of its leading features can meet it (Cauchy–Schwarz again).
      const near = new Set<string>()
      for (const feature of cachedProfile(clusters.get(best.id) as Cluster).leading)
        for (const cluster of postings.get(feature)?.keys() ?? []) if (cluster.majorId === null) near.add(cluster.id)
      const known = new Set(scored.map((cluster) => cluster.id))
      for (const id of near) {
        const cluster = clusters.get(id)
        if (known.has(id) || !cluster) continue
        scored.push({
          id,
          majorId: null,
          memberIds: [...cluster.loose.keys()],
          reports: cluster.reports,
          similarity: 0,
          affinity: 0,
          minutes: (now - cluster.firstAt) / 60_000,
          profile: profileOf(cluster),
        })
      }
      // Agents' lessons hold between clusters too: two groups an agent merged the like of are one.
      const bestMatches = lessons && lessons.size > 0 ? lessons.match(best.profile) : undefined
      for (const cluster of scored) {
        // Major incidents are never merged with one another here (agents do that).
        if (cluster === best || (cluster.majorId !== null && best.majorId !== null)) continue
        const taught = bestMatches && bestMatches.size > 0 ? lessons?.relation(bestMatches, cluster.profile) : null
        if (taught === 'apart') continue
        const failing = (clusters.get(cluster.id)?.failing ?? 0) > 0 ? 1 : opts.noFailureFactor
        cluster.affinity = near.has(cluster.id) || cluster.majorId !== null ? dotProfiles(cluster.profile, best.profile) * failing : 0
        if (taught === 'together') cluster.affinity = Math.max(cluster.affinity, opts.minAffinity)
      }
    }
    return scored.map(({ profile: _profile, ...cluster }) => cluster)
  }

  /** Puts a report counted loose into the clusters a decision names (the first one, merging the others into it). */
  function record(member: Member, clusterIds: readonly string[], parentId: string | null): Cluster {
    const [firstId, ...others] = clusterIds
    let target = firstId === undefined ? undefined : clusters.get(firstId)
    if (parentId !== null) target = clusters.get(parentId) ?? target
    if (!target) target = newCluster(member.id, null, member.createdAt)
    for (const otherId of [firstId, ...others]) {
      const other = otherId === undefined ? undefined : clusters.get(otherId)
      if (!other || other === target || other.majorId !== null) continue
      for (const loose of [...other.loose.values()]) {
        unfold(loose.id)
        fold(target, loose, target.majorId === null)
      }
    }
    fold(target, member, target.majorId === null)
    while (looseCount > opts.maxLooseReports) {
      const oldest = [...clusters.values()].find((cluster) => cluster.majorId === null && cluster !== target)
      const first = oldest?.loose.keys().next().value
      if (first === undefined) break
      unfold(first)
    }
    return target
  }

  function memberOf(report: GroupingReport, signature: ReportSignature): Member {
    return { id: report.id, createdAt: report.createdAt, category: report.category, signature }
  }

  function signatureOf(report: GroupingReport): ReportSignature {
    return reportSignature({ text: report.text, url: report.url, answers: report.answers, kind: report.kind })
  }

  function groupingReportOf(incident: CandidateIncident): GroupingReport {
    const url = incident.context?.url
    return {
      id: incident.id,
      text: incident.symptoms,
      createdAt: incident.createdAt,
      category: incident.category,
      ...(incident.kind ? { kind: incident.kind } : {}),
      ...(typeof url === 'string' ? { url } : {}),
      ...(incident.answers ? { answers: incident.answers } : {}),
    }
  }

  return {
    plan(report) {
      expire(report.createdAt)
      const signature = signatureOf(report)
      if (!signature.eligible) {
        return { group: false, reason: 'a question, a request or nothing broken: never grouped into an outage', similarIds: [], clusterIds: [] }
      }
      const matches = lessons && lessons.size > 0 ? lessons.match(signature.features) : undefined
      const decision = decideGrouping(report.id, score(report, signature, report.createdAt, matches), opts)
      const cluster = record(memberOf(report, signature), decision.clusterIds, decision.group ? decision.parentId : null)
      if (!decision.group) return decision
      // In words only when it groups: that is when the reason is kept (on the report's timeline).
      const explanation = explain(cluster, report.createdAt)
      const category = mainCategory(cluster) ?? report.category
      return decision.parentId === null
        ? { ...decision, reason: `${explanation.summary}: open a major incident`, summary: explanation.summary, category }
        : { ...decision, reason: `${decision.reason}: ${explanation.summary}`, summary: explanation.summary, category }
    },
    update(incident, now) {
      const open = incident.status !== 'resolved' && incident.status !== 'closed'
      if (incident.isMajor) {
        const cluster = clusters.get(incident.id)
        if (incident.parentId !== null) {
          // Merged into another major incident by an agent: its group is the other's from now on.
          if (cluster) mergeCluster(cluster, clusters.get(incident.parentId) ?? newCluster(incident.parentId, incident.parentId, incident.createdAt))
          return
        }
        if (!open) {
          if (cluster) dropCluster(cluster)
          return
        }
        if (cluster || incident.createdAt < now - opts.windowMs) return
        // A major incident met before any of its members (e.g. after a restart): its own words, which name its members', stand for them.
        const seeded = newCluster(incident.id, incident.id, incident.createdAt)
        const signature = signatureOf(groupingReportOf(incident))
        addToSum(seeded, signature, 1)
        seeded.seeded = true
        return
      }
      const wasMajor = clusters.get(incident.id)
      if (wasMajor?.majorId === incident.id) {
        // A major incident merged into another by an agent: its group becomes the other's.
        const into = incident.parentId !== null && open ? (clusters.get(incident.parentId) ?? newCluster(incident.parentId, incident.parentId, incident.createdAt)) : undefined
        if (into) mergeCluster(wasMajor, into)
        else dropCluster(wasMajor)
        return
      }
      const current = clusterOf.get(incident.id)
      const currentCluster = current === undefined ? undefined : clusters.get(current)
      if (!open || incident.createdAt < now - opts.windowMs) {
        unfold(incident.id)
        return
      }
      if (incident.parentId !== null) {
        if (currentCluster?.majorId === incident.parentId || clusters.get(incident.parentId)?.recent.has(incident.id)) return
        const member = unfold(incident.id) ?? memberOf(groupingReportOf(incident), signatureOf(groupingReportOf(incident)))
        if (!member.signature.eligible && current === undefined) return
        const major = clusters.get(incident.parentId) ?? newCluster(incident.parentId, incident.parentId, incident.createdAt)
        fold(major, member, false)
        return
      }
      // Loose in storage: taken out of its major incident by an agent, or a report planned elsewhere.
      if (currentCluster && currentCluster.majorId === null) return
      if (currentCluster) {
        const member = unfold(incident.id)
        if (member) fold(newCluster(member.id, null, member.createdAt), member, true)
        return
      }
      const report = groupingReportOf(incident)
      const signature = signatureOf(report)
      if (!signature.eligible) return
      const matches = lessons && lessons.size > 0 ? lessons.match(signature.features) : undefined
      const scored = score(report, signature, now, matches).filter((cluster) => cluster.majorId === null && !cluster.apart)
      const best = scored[0]
      record(memberOf(report, signature), best && best.similarity >= opts.minSimilarity ? [best.id] : [], null)
    },
    remove(id) {
      unfold(id)
    },
    prune(now) {
      expire(now)
      const windowStart = now - opts.windowMs
      for (const cluster of [...clusters.values()]) {
        if (cluster.majorId === null)
          for (const member of [...cluster.loose.values()])
            if (member.createdAt < windowStart) unfold(member.id)
            // A major incident's members are few in memory (its profile's); they go with it once no report joined it within the window.
            else if (cluster.lastAt < windowStart) dropCluster(cluster)
      }
    },
    explain(majorId, now) {
      const cluster = clusters.get(majorId)
      if (!cluster || cluster.reports === 0) return undefined
      return explain(cluster, now)
    },
    profile(majorId) {
      const cluster = clusters.get(majorId)
      return cluster ? profileOf(cluster) : undefined
    },
    teach(next) {
      lessons = next
    },
    get size() {
      return clusters.size
    },
  }
}

function dotProfiles(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let sum = 0
  for (const [feature, weight] of small) sum += weight * (large.get(feature) ?? 0)
  return sum
}

import { dot, unitLength } from './report-signature.ts'

/** A sparse vector in JSON: [feature, weight] pairs, unit length. */
export type LessonSide = [feature: string, weight: number][]

/**
 * One correction by an agent. `apart`: a report like `a` was taken out of a group like `b` (a
 * split). `together`: a group like `a` and a group like `b` were one outage (a merge).
 */
export interface GroupingLesson {
  kind: 'apart' | 'together'
  a: LessonSide
  b: LessonSide
  /** When it was taught, ms since the epoch. */
  at: number
}

/** What an app's agents taught grouping, as stored (one row per app). */
export interface GroupingLessonsState {
  version: 1
  lessons: GroupingLesson[]
}

/** Which sides of which lessons a report resembles: worked out once per report. */
export type LessonMatches = ReadonlyMap<number, 'a' | 'b'>

export interface GroupingLessons {
  /** An agent took a report (its signature's features) out of a group (its profile): the like never group again. */
  learnApart(report: ReadonlyMap<string, number>, group: ReadonlyMap<string, number>, at: number): void
  /** An agent merged two groups (their profiles): the like group together from now on. */
  learnTogether(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, at: number): void
  /** The lessons whose one side the report resembles, newest first. */
  match(report: ReadonlyMap<string, number>): LessonMatches
  /** The other sides of the `together` lessons the report matched: groups it may belong with although it shares little with them. */
  partners(matches: LessonMatches): ReadonlyMap<string, number>[]
  /**
   * What the newest lesson the report matched says of a cluster with this profile, if anything: a
   * lesson speaks when the report is like one of its sides and the cluster like the other. For a
   * split each is taken for the side it resembles more, so a report of the outage itself is never
   * kept from it; for a merge, a group like the other side is enough, even once it holds both.
   */
  relation(matches: LessonMatches, cluster: ReadonlyMap<string, number>): 'apart' | 'together' | null
  /**
   * Forgets features that came from erased reports (see `reportTerms`): each is taken out of every
   * lesson side, which is made unit length again; a lesson left with an empty side goes. Deterministic.
   * @returns whether any lesson changed
   */
  forget(features: Iterable<string>): boolean
  toJSON(): GroupingLessonsState
  readonly size: number
}

export interface GroupingLessonsOptions {
  /** Lessons kept, the newest; default 200. */
  maxLessons?: number
  /** Similarity from which a report or a group is "like" a lesson's side; default 0.5. */
  minSimilarity?: number
}

const sideFeatures = 24

/**
 * What agents' splits and merges taught an app's grouping. Each correction is kept as a pair of
 * profiles and applies to whatever resembles them, like a correction teaches the classifier: the
 * next report like the one split out stays out of groups like the one it left; the next outage
 * told the two ways of a merge forms one group. Deterministic, plain JSON, bounded.
 *
 * @example
 * const lessons = createGroupingLessons()
 * lessons.learnApart(reportSignature({ text: 'The onboarding video is too long' }).features, majorProfile, Date.now())
 * const row = JSON.stringify(lessons)          // per app
 * restoreGroupingLessons(row).size             // 1
 */
export function createGroupingLessons(state?: GroupingLessonsState | string, options: GroupingLessonsOptions = {}): GroupingLessons {
  const maxLessons = options.maxLessons ?? 200
  const minSimilarity = options.minSimilarity ?? 0.5
  const parsed = typeof state === 'string' ? (JSON.parse(state) as unknown) : state
  if (parsed !== undefined && !isState(parsed)) throw new TypeError('Not a grouping lessons state: expected { version: 1, lessons: [...] } as written by toJSON().')
  const lessons: GroupingLesson[] = parsed ? parsed.lessons.slice(-maxLessons) : []
  let sides: { a: Map<string, number>; b: Map<string, number> }[] = []
  // Feature → lessons whose side needs it: a report sharing none of a side's leading features
  // cannot reach `minSimilarity` with it (the rest of the side weighs less), so it is not compared.
  let byFeature = new Map<string, Set<number>>()

  function reindex(): void {
    sides = lessons.map((lesson) => ({ a: new Map(lesson.a), b: new Map(lesson.b) }))
    byFeature = new Map()
    sides.forEach((side, index) => {
      for (const vector of [side.a, side.b]) {
        for (const feature of leadingFeatures(vector, minSimilarity)) {
          let set = byFeature.get(feature)
          if (!set) byFeature.set(feature, (set = new Set()))
          set.add(index)
        }
      }
    })
  }
  reindex()

  function learn(kind: GroupingLesson['kind'], a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, at: number): void {
    lessons.push({ kind, a: compact(a), b: compact(b), at })
    if (lessons.length > maxLessons) lessons.splice(0, lessons.length - maxLessons)
    reindex()
  }

  return {
    learnApart: (report, group, at) => learn('apart', report, group, at),
    learnTogether: (a, b, at) => learn('together', a, b, at),
    match(report) {
      const matches = new Map<number, 'a' | 'b'>()
      const seen = new Set<number>()
      for (const feature of report.keys()) for (const index of byFeature.get(feature) ?? []) seen.add(index)
      for (const index of [...seen].sort((x, y) => y - x)) {
        const side = sides[index] as (typeof sides)[number]
        const toA = dot(report, side.a)
        const toB = dot(report, side.b)
        if (Math.max(toA, toB) >= minSimilarity) matches.set(index, toA >= toB ? 'a' : 'b')
      }
      return matches
    },
    partners(matches) {
      const out: ReadonlyMap<string, number>[] = []
      for (const [index, side] of matches) {
        const lesson = sides[index]
        if (lesson && lessons[index]?.kind === 'together') out.push(side === 'a' ? lesson.b : lesson.a)
      }
      return out
    },
    relation(matches, cluster) {
      for (const [index, side] of matches) {
        const lesson = sides[index]
        if (!lesson) continue
        const toA = dot(cluster, lesson.a)
        const toB = dot(cluster, lesson.b)
        if ((lessons[index] as GroupingLesson).kind === 'together') {
          // A group like the other way of telling the outage is the outage, even once it holds both ways.
          if ((side === 'a' ? toB : toA) >= minSimilarity) return 'together'
          continue
        }
        // Each is taken for the side it resembles more: a report of the outage itself is never kept from it.
        if (Math.max(toA, toB) >= minSimilarity && (toA >= toB ? 'a' : 'b') !== side) return 'apart'
      }
      return null
    },
    forget(features) {
      const gone = new Set(features)
      let changed = false
      for (let index = lessons.length - 1; index >= 0; index--) {
        const lesson = lessons[index] as GroupingLesson
        const a = lesson.a.filter(([feature]) => !gone.has(feature))
        const b = lesson.b.filter(([feature]) => !gone.has(feature))
        if (a.length === lesson.a.length && b.length === lesson.b.length) continue
        changed = true
        if (a.length === 0 || b.length === 0) lessons.splice(index, 1)
        else lessons[index] = { ...lesson, a: compact(new Map(a)), b: compact(new Map(b)) }
      }
      if (changed) reindex()
      return changed
    },
    toJSON: () => ({ version: 1, lessons: lessons.map((lesson) => ({ ...lesson, a: lesson.a.map(([f, w]) => [f, w]), b: lesson.b.map(([f, w]) => [f, w]) })) }),
    get size() {
      return lessons.length
    },
  }
}

/** A stored state back as lessons; throws a `TypeError` for anything `toJSON` did not write. */
export function restoreGroupingLessons(state: GroupingLessonsState | string, options: GroupingLessonsOptions = {}): GroupingLessons {
  return createGroupingLessons(state, options)
}

/** The strongest features of a profile, unit length again, weights rounded: small to store. */
function compact(vector: ReadonlyMap<string, number>): LessonSide {
  const top = [...unitLength(vector)].sort((a, b) => b[1] - a[1]).slice(0, sideFeatures)
  return [...unitLength(new Map(top))].map(([feature, weight]) => [feature, Math.round(weight * 1e4) / 1e4])
}

/** Features of a unit vector, strongest first, until what is left weighs less than `threshold`. */
function leadingFeatures(vector: ReadonlyMap<string, number>, threshold: number): string[] {
  const sorted = [...vector].sort((a, b) => b[1] - a[1])
  let rest = 0
  for (const [, weight] of sorted) rest += weight * weight
  const out: string[] = []
  for (const [feature, weight] of sorted) {
    if (Math.sqrt(rest) < threshold) break
    out.push(feature)
    rest -= weight * weight
  }
  return out
}

function isState(value: unknown): value is GroupingLessonsState {
  if (!value || typeof value !== 'object') return false
  const { version, lessons } = value as { version?: unknown; lessons?: unknown }
  return (
    version === 1 &&
    Array.isArray(lessons) &&
    lessons.every(
      (lesson: unknown) =>
        !!lesson &&
        typeof lesson === 'object' &&
        ((lesson as GroupingLesson).kind === 'apart' || (lesson as GroupingLesson).kind === 'together') &&
        isSide((lesson as GroupingLesson).a) &&
        isSide((lesson as GroupingLesson).b) &&
        typeof (lesson as GroupingLesson).at === 'number',
    )
  )
}

function isSide(side: unknown): side is LessonSide {
  return (
    Array.isArray(side) && side.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'number' && Number.isFinite(pair[1]))
  )
}

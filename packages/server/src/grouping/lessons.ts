import type { GroupingLessons } from '@triage/engine'
import { createGroupingLessons, restoreGroupingLessons } from '@triage/engine'
import type { Database } from '../db/database.ts'
import { groupingStates } from '../db/schema.ts'
import { appStateVersion, loadAppState, saveAppState } from '../storage/app-states.ts'
import type { ServiceContext } from '../domain/context.ts'

interface Cached {
  lessons: GroupingLessons | undefined
  /** The stored state's `updated_at` (0: none yet). */
  version: number
  checkedAt: number
}

// Per database and app, like the classifiers: another process's correction shows here within `recheckMs`.
const caches = new WeakMap<Database, Map<string, Cached>>()
const maxApps = 200
const recheckMs = 30_000

/** What the app's agents taught grouping (undefined: nothing yet), with its version. */
export async function groupingLessonsFor(context: ServiceContext, appId: string): Promise<{ lessons: GroupingLessons | undefined; version: number }> {
  let cache = caches.get(context.db)
  if (!cache) caches.set(context.db, (cache = new Map()))
  const now = context.now()
  const cached = cache.get(appId)
  if (cached && now - cached.checkedAt < recheckMs) return cached
  const version = (await appStateVersion(context.db, groupingStates, appId)) ?? 0
  if (cached && cached.version === version) {
    cached.checkedAt = now
    return cached
  }
  const stored = version === 0 ? undefined : await loadAppState(context.db, groupingStates, appId)
  const entry: Cached = { lessons: stored ? restoreGroupingLessons(stored.state) : undefined, version: stored?.updatedAt ?? 0, checkedAt: now }
  if (!cache.has(appId) && cache.size >= maxApps) cache.delete(cache.keys().next().value as string)
  cache.set(appId, entry)
  return entry
}

/**
 * Records an agent's split or merge as a lesson for the app's grouping, at once and for every
 * process: the next report like the one split out stays apart, the next outage told the two ways
 * of a merge forms one group.
 */
export async function teachGrouping(context: ServiceContext, appId: string, teach: (lessons: GroupingLessons) => void): Promise<GroupingLessons> {
  const current = await groupingLessonsFor(context, appId)
  // A copy: a failed save leaves the cached lessons as they were.
  const lessons = current.lessons ? restoreGroupingLessons(current.lessons.toJSON()) : createGroupingLessons()
  teach(lessons)
  const now = context.now()
  await saveAppState(context.db, groupingStates, appId, JSON.stringify(lessons.toJSON()), now)
  caches.get(context.db)?.set(appId, { lessons, version: now, checkedAt: now })
  return lessons
}

import type { Classifier } from '@triage/engine'
import { restoreClassifier, seedClassifier } from '@triage/engine'
import type { Database } from '../db/database.ts'
import { classifierStates } from '../db/schema.ts'
import { appStateVersion, loadAppState, saveAppState } from '../storage/app-states.ts'
import type { ServiceContext } from '../domain/context.ts'
import { defaultCachedApps } from '../domain/context.ts'

interface Cached {
  classifier: Classifier
  /** The stored state's `updated_at` this copy was restored from (0: the seed). */
  version: number
  checkedAt: number
}

// Classifiers in memory, per database and app, the `cachedApps` most recently used (each holds its
// weights; a Map iterates oldest use first). Another process's (or isolate's) correction shows here
// within `recheckMs`: one indexed read of the stored version per app and period.
const caches = new WeakMap<Database, Map<string, Cached>>()
const recheckMs = 30_000

/** The app's classifier: the one its agents' corrections trained, or the built-in seed one. */
export async function classifierFor(context: ServiceContext, appId: string): Promise<Classifier> {
  let cache = caches.get(context.db)
  if (!cache) caches.set(context.db, (cache = new Map()))
  const now = context.now()
  const cached = cache.get(appId)
  if (cached) {
    cache.delete(appId)
    cache.set(appId, cached)
  }
  if (cached && now - cached.checkedAt < recheckMs) return cached.classifier
  const version = (await appStateVersion(context.db, classifierStates, appId)) ?? 0
  if (cached && cached.version === version) {
    cached.checkedAt = now
    return cached.classifier
  }
  const stored = version === 0 ? undefined : await loadAppState(context.db, classifierStates, appId)
  const classifier = stored ? restoreClassifier(stored.state) : seedClassifier()
  cache.set(appId, { classifier, version: stored?.updatedAt ?? 0, checkedAt: now })
  for (const oldest of cache.keys()) {
    if (cache.size <= (context.cachedApps ?? defaultCachedApps)) break
    cache.delete(oldest)
  }
  return classifier
}

/**
 * An agent's category correction teaches the app's classifier at once: the next similar report
 * is filed where the agent put this one. The state is stored so every process learns it.
 */
export async function learnCorrection(context: ServiceContext, appId: string, text: string, category: string): Promise<void> {
  const classifier = await classifierFor(context, appId)
  classifier.learn(text, category)
  const now = context.now()
  await saveAppState(context.db, classifierStates, appId, JSON.stringify(classifier.toJSON()), now)
  caches.get(context.db)?.set(appId, { classifier, version: now, checkedAt: now })
}

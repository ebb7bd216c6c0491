import type { Tier } from '@triage/protocol'
import type { GroupCandidates, SimilarIndex } from '@triage/engine'
import { createGroupCandidates, createSimilarIndex } from '@triage/engine'
import { formatNumber } from '../ids.ts'
import type { Database } from '../db/database.ts'
import { incidentsChangedSince } from '../storage/similar.ts'
import type { ServiceContext } from '../domain/context.ts'
import { yieldToEventLoop } from '../event-loop.ts'
import { defaultCachedApps } from '../domain/context.ts'

/** What answers and grouping need beyond the index: kept beside it, current as of the last sync. */
export interface IncidentDetail {
  status: string
  category: string
  /** Who may see it: similar incidents are filtered by the reader's tiers. */
  tier: Tier
  parentId: string | null
  isMajor: boolean
  createdAt: number
  resolution: string | null
  publicNote: string | null
}

interface AppIndex {
  index: SimilarIndex
  /** The newest `updated_at` folded in. */
  syncedTo: number
  /**
   * The incidents' statuses and notes, to answer with what the index does not keep. A Map keeps
   * insertion order and each change re-inserts, so the first entries are the least recently changed.
   */
  details: Map<string, IncidentDetail>
  /** What major-incident grouping looks at: the window's open reports, not the whole history. */
  groupCandidates: GroupCandidates
  /** The version of the app's grouping lessons the candidates apply (see grouping-lessons.ts). */
  lessonsVersion: number
  /** The read of storage in flight, which concurrent requests share (Node only, see similarIndexFor). */
  syncing: Promise<void> | undefined
  /** When the latest read of storage started, while it runs (ms). */
  syncStartedAt: number | undefined
  /** When the last completed read of storage started (ms): the index holds every change before. */
  syncedAt: number
}

// One BM25 index per app and database, in memory, kept current by reading what changed since the
// last use: no hook on every write path, and every process (or isolate) converges on its own.
// It holds an app's most recently changed incidents only (resolutions count as changes), so a new
// process or Workers isolate reads a bounded slice, and memory stays flat however long the history.
// Only the `cachedApps` most recently used apps keep theirs (a Map iterates oldest use first).
const indexes = new WeakMap<Database, Map<string, AppIndex>>()

/**
 * On Workers, a read of storage still marked in flight after this long is taken as lost: the
 * request that started it was cancelled (its client went away), and its promise never settles.
 */
const lostSyncMs = 10_000

/**
 * The default of `ServiceContext.similarIndexLimit`. Measured (`node bench/similar.ts 20000`): the
 * index of 20,000 incidents takes ~20 MB of heap and builds in ~150 ms, which a Workers isolate
 * (128 MB) can afford for a few apps; 100,000 take ~73 MB.
 */
export const defaultSimilarIndexLimit = 20_000

/**
 * Rows read, and folded in, between two turns of the event loop. Whole rows (the reporter's text):
 * on a cold 1M-incident file a page of 1,000 held the event loop ~100 ms on the first enriched
 * ticket (bench/scale); 250 keeps each read and each fold near 25 ms.
 */
const rowsPerPage = 250

async function sync(context: ServiceContext, appId: string, entry: AppIndex): Promise<void> {
  const now = context.now()
  entry.groupCandidates.prune(now)
  // Incidents changed in the same millisecond as the last sync are read again; re-adding is harmless.
  const limit = context.similarIndexLimit ?? defaultSimilarIndexLimit
  // Read newest first, a page at a time with the event loop given back between pages (a new
  // process reads up to `limit` rows: whole seconds of work in one go), then folded in oldest
  // first, so the most recently changed stay last in `details` (the least recent go first).
  const changed: Awaited<ReturnType<typeof incidentsChangedSince>> = []
  for (;;) {
    const last = changed[changed.length - 1]
    const page = await incidentsChangedSince(
      context.db,
      appId,
      entry.syncedTo - 1,
      Math.min(rowsPerPage, limit - changed.length),
      last && { updatedAt: last.updatedAt, rowid: last.rowid },
    )
    changed.push(...page)
    if (page.length < rowsPerPage || changed.length >= limit) break
    await yieldToEventLoop()
  }
  changed.reverse()
  for (const [index, row] of changed.entries()) {
    if (index > 0 && index % rowsPerPage === 0) await yieldToEventLoop()
    entry.syncedTo = Math.max(entry.syncedTo, row.updatedAt)
    if (row.erasedAt !== null) {
      // Erased: nothing of what the reporter wrote may come back as a similar incident, a
      // deflection or a grouping candidate (issue #19).
      entry.index.remove(row.id)
      entry.details.delete(row.id)
      entry.groupCandidates.remove(row.id)
      continue
    }
    const resolved = row.status === 'resolved' || row.status === 'closed'
    entry.index.add({
      id: row.id,
      number: formatNumber(row.number),
      text: row.symptoms,
      resolved,
      ...(resolved && row.resolution ? { resolution: row.resolution } : {}),
      ...(resolved && row.publicNote ? { publicResolution: row.publicNote } : {}),
      createdAt: row.createdAt,
    })
    entry.groupCandidates.update(row, now)
    entry.details.delete(row.id)
    entry.details.set(row.id, {
      status: row.status,
      category: row.category,
      tier: row.tier,
      parentId: row.parentId,
      isMajor: row.isMajor,
      createdAt: row.createdAt,
      resolution: row.resolution,
      publicNote: row.publicNote,
    })
  }
  // Over the limit, the least recently changed go. Changes skipped because more than `limit` came
  // since the last sync are all older than the ones read, so their stale entries go first.
  for (const id of entry.details.keys()) {
    if (entry.details.size <= limit) break
    entry.details.delete(id)
    entry.index.remove(id)
  }
}

/** The app's entry, created empty on first use and moved to the most recently used end. */
function appIndex(context: ServiceContext, appId: string): AppIndex {
  let apps = indexes.get(context.db)
  if (!apps) indexes.set(context.db, (apps = new Map()))
  const entry = apps.get(appId) ?? {
    index: createSimilarIndex(),
    syncedTo: 0,
    details: new Map(),
    groupCandidates: createGroupCandidates(),
    lessonsVersion: -1,
    syncing: undefined,
    syncStartedAt: undefined,
    syncedAt: -Infinity,
  }
  apps.delete(appId)
  apps.set(appId, entry)
  for (const oldest of apps.keys()) {
    if (apps.size <= (context.cachedApps ?? defaultCachedApps)) break
    apps.delete(oldest)
  }
  return entry
}

/** Reads what changed into the entry, and records when that read started. */
async function syncFrom(context: ServiceContext, appId: string, entry: AppIndex): Promise<void> {
  const startedAt = context.now()
  entry.syncStartedAt = startedAt
  try {
    await sync(context, appId, entry)
    entry.syncedAt = Math.max(entry.syncedAt, startedAt)
  } finally {
    if (entry.syncStartedAt === startedAt) entry.syncStartedAt = undefined
  }
}

/**
 * The app's similar-incident index, caught up with storage — or, with `maxStaleMs` (for the
 * ingestion path), as of at most that long ago, which bounds the reads while reports pour in.
 *
 * On Node, concurrent requests wait on one shared read. On Workers a request never waits on
 * another request's read (see ServiceContext.requestBoundIo): with a staleness allowance it takes
 * the index as it stands while another request reads, else it reads what changed itself.
 */
export async function similarIndexFor(context: ServiceContext, appId: string, maxStaleMs = 0): Promise<AppIndex> {
  const entry = appIndex(context, appId)
  const now = context.now()
  if (now - entry.syncedAt < maxStaleMs) return entry
  if (!context.requestBoundIo) {
    entry.syncing ??= syncFrom(context, appId, entry).finally(() => (entry.syncing = undefined))
    await entry.syncing
    return entry
  }
  const anotherReads = entry.syncStartedAt !== undefined && now - entry.syncStartedAt < lostSyncMs
  if (!(anotherReads && maxStaleMs > 0)) await syncFrom(context, appId, entry)
  return entry
}

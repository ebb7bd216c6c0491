/**
 * Tells this process's listeners that incidents changed, right after storage committed the change:
 * live follow sends the new state at once instead of at its next poll. Only this process's writes
 * are heard; other processes' (several Node servers on one database) are found by polling
 * `updated_at`, which this does not replace.
 */
import type { Database } from '../db/database.ts'

const listeners = new WeakMap<Database, Set<(appIds: ReadonlySet<string>) => void>>()

/** Calls `listener` with the apps whose incidents changed, after each write to `db`; returns the unsubscribe. */
export function onIncidentsChanged(db: Database, listener: (appIds: ReadonlySet<string>) => void): () => void {
  let set = listeners.get(db)
  if (!set) listeners.set(db, (set = new Set()))
  set.add(listener)
  return () => set.delete(listener)
}

/** Called by storage after a write to incidents committed. */
export function incidentsChanged(db: Database, appIds: Iterable<string>): void {
  const set = listeners.get(db)
  if (!set || set.size === 0) return
  const apps = new Set(appIds)
  for (const listener of set) listener(apps)
}

/**
 * Where the SDK keeps its offline queue and the reports this browser made. The shape of Web
 * Storage, so `localStorage` is one; in Node, pass your own (a file, Redis…) to survive restarts.
 */
export interface TriageStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/**
 * A storage that lives as long as the process (Node's default).
 * @example
 * const triage = createTriage({ endpoint, key, storage: memoryStorage() }) // nothing kept in localStorage
 */
export function memoryStorage(): TriageStorage {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}

/** `localStorage` when the page may use it (it throws in sandboxed frames and some private modes), else memory. */
export function defaultStorage(): TriageStorage {
  try {
    const storage = globalThis.localStorage
    storage.getItem('triage')
    return storage
  } catch {
    return memoryStorage()
  }
}

/**
 * A JSON list under one key, re-read at every use (another tab, or the page before a reload,
 * may have changed it). Reads fall back to empty on damage; `write` tells whether it stuck (a
 * full quota throws); an empty list removes the key.
 */
export function storedList<T>(storage: TriageStorage, key: string) {
  const read = (): T[] => {
    try {
      // Nothing stored reads as JSON.parse(null), which is null.
      return (JSON.parse(storage.getItem(key) as string) as T[] | null) ?? []
    } catch {
      return []
    }
  }
  const write = (items: T[]): boolean => {
    try {
      if (items.length) storage.setItem(key, JSON.stringify(items))
      else storage.removeItem(key)
      return true
    } catch {
      return false
    }
  }
  return { read, write, remove: (keep: (item: T) => boolean) => write(read().filter(keep)) }
}

import type { ReportCreate } from '@triage/protocol'
import type { FileStore } from './files.ts'
import type { TriageStorage } from './storage.ts'
import { storedList } from './storage.ts'

/** A report waiting to be sent: its body as first prepared, and the idempotency key that makes it count once. */
export interface QueuedItem {
  key: string
  body: ReportCreate
  /** ISO 8601: when it was made. */
  at: string
  /** How many files go with it (kept apart: see {@link createQueue}). */
  files?: number
}

/** Enough for a long outage; each item is a full report (up to 64 KB), and localStorage holds about 5 MB. */
export const maxQueued = 100

/**
 * The offline queue, persisted in `storage`; an item stays until its send is settled (2xx or a
 * final 4xx). A report's files stay with it: in this page's memory, and in the store `loadFileStore`
 * brings (IndexedDB in browsers) for the next page load. The store is loaded once, when a report
 * with files is first queued or sent: a page whose reports carry none never downloads it.
 */
export function createQueue(storage: TriageStorage, name: string, loadFileStore: () => Promise<FileStore | undefined>) {
  const list = storedList<QueuedItem>(storage, name)
  const files = new Map<string, Blob[]>()
  let loading: Promise<FileStore | undefined> | undefined
  // A store that cannot load (offline, and a script-tag page must fetch it) keeps files in memory only.
  const fileStore = () => (loading ??= loadFileStore().catch(() => (loading = undefined)))
  return {
    items: list.read,
    /**
     * Keeps `item` (once per key), with its files. False when the queue is full or storage
     * refused: then nothing was saved. Resolves once the files are stored too (or could not be).
     */
    async put(item: QueuedItem, attachments?: Blob[]): Promise<boolean> {
      const items = list.read().filter((queued) => queued.key !== item.key)
      if (attachments?.length) {
        files.set(item.key, attachments)
        await (await fileStore())?.put(item.key, attachments).catch(() => {})
      }
      return items.length < maxQueued && list.write([...items, item])
    },
    /** The files of the item under `key`, if it has some: from memory, else from the last page's store. */
    files: async (key: string) => files.get(key) ?? (await (await fileStore())?.get(key).catch(() => undefined)),
    /**
     * Forgets `item`, its files first: a page that goes away in between leaves the item, which the
     * next page sends again (the server answers it again, under its key), never files nobody owns.
     */
    async remove(item: QueuedItem): Promise<void> {
      files.delete(item.key)
      if (item.files) await (await fileStore())?.remove(item.key).catch(() => {})
      list.remove((queued) => queued.key !== item.key)
    },
  }
}

export type Queue = ReturnType<typeof createQueue>

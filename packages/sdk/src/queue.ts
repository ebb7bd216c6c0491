import type { ReportCreate } from '@triage/protocol'
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

/** The part that keeps a report's files across page loads and builds its multipart body. */
type FilesPart = typeof import('./files.ts')

/**
 * The offline queue, persisted in `storage`; an item stays until its send is settled (2xx or a
 * final 4xx). A report's files stay with it: in this page's memory, and through the part
 * `loadFiles` brings (IndexedDB in browsers) for the next page load. That part is loaded when a
 * report with files is first queued or sent: a page whose reports carry none never downloads it.
 * One that cannot come (offline, and a script-tag page must fetch it) or cannot keep them leaves
 * the files in memory only.
 */
export function createQueue(storage: TriageStorage, name: string, loadFiles: () => Promise<FilesPart>) {
  const list = storedList<QueuedItem>(storage, name)
  const files = new Map<string, Blob[]>()
  const kept = <T>(use: (part: FilesPart) => Promise<T>) =>
    loadFiles()
      .then(use)
      .catch(() => undefined)
  return {
    items: list.read,
    /**
     * Keeps `item` (once per key), with its files (counted in `item.files`). False when the queue
     * is full or storage refused: then nothing was saved. Resolves once the files are kept too (or
     * could not be).
     */
    async put(item: QueuedItem, attachments?: Blob[]): Promise<boolean> {
      const items = list.read().filter((queued) => queued.key !== item.key)
      if (attachments?.length) {
        item.files = attachments.length
        files.set(item.key, attachments)
        await kept((part) => part.keepFiles(item.key, attachments))
      }
      return items.length < maxQueued && list.write([...items, item])
    },
    /**
     * What goes to the server for `item`: its report, or with its files (from memory, else from
     * the last page's) one multipart form, so the server takes the report and its files or
     * nothing. Files that did not survive (IndexedDB cleared since) leave the report to go alone.
     */
    async body(item: QueuedItem): Promise<ReportCreate | FormData> {
      const found = item.files && (files.get(item.key) ?? (await kept((part) => part.keptFiles(item.key))))
      return found ? (await loadFiles()).reportForm(item.body, found) : item.body
    },
    /**
     * Forgets `item`, its files first: a page that goes away in between leaves the item, which the
     * next page sends again (the server answers it again, under its key), never files nobody owns.
     */
    async remove(item: QueuedItem): Promise<void> {
      files.delete(item.key)
      if (item.files) await kept((part) => part.forgetFiles(item.key))
      list.remove((queued) => queued.key !== item.key)
    },
  }
}

export type Queue = ReturnType<typeof createQueue>

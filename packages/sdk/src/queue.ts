import type { ReportCreate } from '@triage/protocol'
import type { TriageStorage } from './storage.ts'
import { storedList } from './storage.ts'

/** A report waiting to be sent: its body as first prepared, and the idempotency key that makes it count once. */
export interface QueuedItem {
  key: string
  body: ReportCreate
  /** ISO 8601: when it was made. */
  at: string
}

/** Enough for a long outage; each item is a full report (up to 64 KB), and localStorage holds about 5 MB. */
export const maxQueued = 100

/**
 * The offline queue, persisted in `storage`; an item stays until its send is settled (2xx or a
 * final 4xx). A report's files stay with it in this page's memory (Web Storage holds text only).
 */
export function createQueue(storage: TriageStorage, name: string) {
  const list = storedList<QueuedItem>(storage, name)
  const files = new Map<string, Blob[]>()
  return {
    items: list.read,
    /** Keeps `item` (once per key), with its files. False when the queue is full or storage refused: then nothing was saved. */
    put(item: QueuedItem, attachments?: Blob[]): boolean {
      if (attachments?.length) files.set(item.key, attachments)
      const items = list.read().filter((queued) => queued.key !== item.key)
      return items.length < maxQueued && list.write([...items, item])
    },
    /** The files of the item under `key`, if it has some. */
    files: (key: string) => files.get(key),
    remove: (key: string) => (files.delete(key), list.remove((queued) => queued.key !== key)),
  }
}

export type Queue = ReturnType<typeof createQueue>

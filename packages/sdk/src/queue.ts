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

/** The offline queue, persisted in `storage`; an item stays until its send is settled (2xx or a final 4xx). */
export function createQueue(storage: TriageStorage, name: string) {
  const list = storedList<QueuedItem>(storage, name)
  return {
    items: list.read,
    /** Keeps `item` (once per key). False when the queue is full or storage refused: then nothing was saved. */
    put(item: QueuedItem): boolean {
      const items = list.read().filter((queued) => queued.key !== item.key)
      return items.length < maxQueued && list.write([...items, item])
    },
    remove: (key: string) => list.remove((queued) => queued.key !== key),
  }
}

export type Queue = ReturnType<typeof createQueue>

/**
 * Why group commit: a transaction's fixed cost (begin, commit, WAL append, read back) is paid once
 * per group of concurrent writes instead of once per request, which halves a report's write cost.
 */

export interface GroupCommitOptions {
  /**
   * Most items in one batch. Default 32: D1 allows 100 bound parameters per statement, and the
   * read back of a batch binds about two per item.
   */
  maxBatch?: number
}

/**
 * Writes `items` in one transaction and answers one result per item, in order: its stored value,
 * or an Error for an item the transaction could not serve (it must then not throw, since the
 * others are committed). Throwing means nothing was committed.
 */
export type BatchWriter<Item, Result> = (items: Item[]) => Promise<(Result | Error)[]>

interface Waiting<Item, Result> {
  item: Item
  resolve: (result: Result) => void
  reject: (error: unknown) => void
}

/** Runs `task` after the I/O callbacks already due, so the requests they start can join the batch. */
const afterPendingIo: (task: () => void) => void = typeof setImmediate === 'function' ? (task) => void setImmediate(task) : (task) => void setTimeout(task, 0)

/**
 * A queue in front of `write`: items queued in the same turn of the event loop, or while a batch
 * is being written, go out together in the next batch. When a batch fails, its items are written
 * one by one, so one bad item fails only its own caller.
 *
 * @param write writes a batch in one transaction (see BatchWriter)
 * @returns a function that queues one item and resolves with its stored result
 * @example
 * const insert = groupCommit((rows: Row[]) => insertRows(db, rows))
 * const stored = await insert(row) // written with whatever else arrived meanwhile
 */
export function groupCommit<Item, Result>(write: BatchWriter<Item, Result>, options: GroupCommitOptions = {}): (item: Item) => Promise<Result> {
  const { maxBatch } = { maxBatch: 32, ...options } satisfies Required<GroupCommitOptions>
  let queue: Waiting<Item, Result>[] = []
  let busy = false

  async function writeAll(): Promise<void> {
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch)
        queue = queue.slice(maxBatch)
        await commit(batch)
      }
    } finally {
      busy = false
    }
  }

  async function commit(batch: Waiting<Item, Result>[]): Promise<void> {
    let results: (Result | Error)[]
    try {
      results = await write(batch.map((waiting) => waiting.item))
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error)
      // Nothing was committed: find the bad item by writing each alone.
      for (const waiting of batch) await commit([waiting])
      return
    }
    // One caller a turn: each answer starts its caller's remaining work (a view, a response) at
    // once, and on a synchronous binding 32 of them answered together ran back to back as one task.
    for (const [index, waiting] of batch.entries()) {
      if (index > 0) await new Promise<void>((next) => afterPendingIo(next))
      const result = results[index]
      if (result === undefined) waiting.reject(new Error('the batch writer answered fewer results than items'))
      else if (result instanceof Error) waiting.reject(result)
      else waiting.resolve(result)
    }
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject })
      if (busy) return
      busy = true
      afterPendingIo(() => void writeAll())
    })
}

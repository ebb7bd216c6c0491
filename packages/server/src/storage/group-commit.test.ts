import { describe, expect, it } from 'vitest'
import type { BatchWriter } from './group-commit.ts'
import { groupCommit } from './group-commit.ts'
import { turnsDuring } from '@triage/testing/event-loop-turns'

/** A writer that records its batches and stores each number doubled; `bad` numbers fail the batch. */
function recordingWriter(bad: number[] = []) {
  const batches: number[][] = []
  const write: BatchWriter<number, number> = async (items) => {
    batches.push(items)
    if (items.some((item) => bad.includes(item))) throw new Error(`item ${items.find((item) => bad.includes(item))} is bad`)
    return items.map((item) => item * 2)
  }
  return { batches, write }
}

describe('groupCommit', () => {
  it('writes the items queued in one turn as one batch, and the ones queued meanwhile in the next', async () => {
    const { batches, write } = recordingWriter()
    const insert = groupCommit(write)
    const first = [1, 2, 3].map(insert)
    const later = first[0]?.then(() => insert(4))
    expect(await Promise.all([...first, later])).toEqual([2, 4, 6, 8])
    expect(batches).toEqual([[1, 2, 3], [4]])
  })

  it("answers a batch's callers one turn of the event loop apiece, so their work after the write is never one long task", async () => {
    // libSQL's file binding resolves at once: 32 callers answered together ran their whole
    // remaining work (views, responses) back to back, holding the event loop 50-180 ms (bench:scale).
    const { write } = recordingWriter()
    const insert = groupCommit(write)
    const { result: answeredAt } = await turnsDuring((turnsSoFar) => Promise.all([1, 2, 3, 4].map((item) => insert(item).then(turnsSoFar))))
    expect(new Set(answeredAt).size).toBe(4)
  })

  it('splits a long queue into batches of at most maxBatch, in order', async () => {
    const { batches, write } = recordingWriter()
    const insert = groupCommit(write, { maxBatch: 4 })
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => insert(index)))
    expect(results).toEqual(Array.from({ length: 10 }, (_, index) => index * 2))
    expect(batches).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ])
  })

  it('writes a failed batch again item by item, so only the bad item is rejected', async () => {
    const { batches, write } = recordingWriter([2])
    const insert = groupCommit(write)
    const results = await Promise.allSettled([1, 2, 3].map(insert))
    expect(results).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'rejected', reason: new Error('item 2 is bad') },
      { status: 'fulfilled', value: 6 },
    ])
    expect(batches).toEqual([[1, 2, 3], [1], [2], [3]])
  })

  it('rejects only the caller whose result is an Error, without writing the batch again', async () => {
    const batches: string[][] = []
    const insert = groupCommit<string, string>(async (items) => {
      batches.push(items)
      return items.map((item) => (item === 'lost' ? new Error('lost was not found') : item.toUpperCase()))
    })
    const results = await Promise.allSettled(['a', 'lost', 'b'].map(insert))
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(batches).toEqual([['a', 'lost', 'b']])
  })

  it('keeps serving after a batch failed', async () => {
    const { write } = recordingWriter([1])
    const insert = groupCommit(write)
    await expect(insert(1)).rejects.toThrow('item 1 is bad')
    expect(await insert(5)).toBe(10)
  })
})

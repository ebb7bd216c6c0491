import { describe, expect, it } from 'vitest'
import { BucketMap } from './bucket-map.ts'
import { seededRandom } from './random.ts'

describe('BucketMap', () => {
  it('sums like a Map through growth and reuse after clear', () => {
    const random = seededRandom(7)
    const map = new BucketMap()
    for (let round = 0; round < 5; round++) {
      const reference = new Map<number, number>()
      // Round 3 adds thousands of buckets, forcing the table to grow; the others stay small.
      const count = round === 3 ? 5000 : 50
      for (let i = 0; i < count; i++) {
        const bucket = Math.floor(random() * 1000) * 4096 + (i % 7)
        map.add(bucket, i)
        reference.set(bucket, (reference.get(bucket) ?? 0) + i)
      }
      expect(map.size).toBe(reference.size)
      for (const [bucket, sum] of reference) expect(map.get(bucket)).toBe(sum)
      expect(Array.from(map.buckets.subarray(0, map.size))).toEqual([...reference.keys()])
      expect(map.get(-5)).toBe(0)
      map.clear()
      expect(map.size).toBe(0)
      for (const bucket of reference.keys()) expect(map.get(bucket)).toBe(0)
    }
  })
})

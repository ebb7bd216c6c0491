import { describe, expect, it } from 'vitest'
import { countAtMost, kthSmallest, mergeSorted } from './sorted-selection.ts'

describe('kthSmallest', () => {
  it('finds the k-th value of sorted arrays taken together, as sorting them all would', () => {
    let state = 3
    const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647
    const arrays = Array.from({ length: 7 }, (_, i) => Int32Array.from({ length: i * 13 }, () => Math.floor(random() * 500) - 50).sort())
    const all = mergeSorted(arrays)
    for (const k of [1, 2, 17, Math.ceil(all.length / 2), all.length - 1, all.length]) expect(kthSmallest(arrays, k)).toBe(all[k - 1])
  })

  it('answers null past the end or before the start, and counts values at most a bound', () => {
    expect(kthSmallest([Int32Array.of(1, 2)], 3)).toBeNull()
    expect(kthSmallest([], 1)).toBeNull()
    expect(kthSmallest([Int32Array.of(4)], 0)).toBeNull()
    expect(countAtMost(Int32Array.of(1, 3, 3, 9), 3)).toBe(3)
  })
})

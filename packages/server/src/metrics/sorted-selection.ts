/**
 * The k-th smallest value of several sorted arrays together, without merging them: a binary
 * search over the values, counting with a binary search in each array. Metrics keep one sorted
 * array of durations per day or month, so a year's median costs a few thousand comparisons
 * instead of a sort of every ticket of the year.
 */

/** How many values of `sorted` are ≤ `value`. */
export function countAtMost(sorted: Int32Array, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((sorted[middle] as number) <= value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The k-th smallest value (1-based) of the arrays taken together, or null when they hold fewer
 * than k values.
 *
 * @param arrays each sorted ascending
 * @example kthSmallest([Int32Array.of(1, 5), Int32Array.of(2, 3)], 3) // 3
 */
export function kthSmallest(arrays: readonly Int32Array[], k: number): number | null {
  let total = 0
  let low = Infinity
  let high = -Infinity
  for (const array of arrays) {
    if (array.length === 0) continue
    total += array.length
    low = Math.min(low, array[0] as number)
    high = Math.max(high, array[array.length - 1] as number)
  }
  if (k < 1 || k > total) return null
  // The smallest value v with at least k values ≤ v is the k-th smallest.
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    let atMost = 0
    for (const array of arrays) atMost += countAtMost(array, middle)
    if (atMost >= k) high = middle
    else low = middle + 1
  }
  return low
}

/** Sorted ascending, merged from sorted arrays. */
export function mergeSorted(arrays: readonly Int32Array[]): Int32Array {
  const merged = new Int32Array(arrays.reduce((sum, array) => sum + array.length, 0))
  let at = 0
  for (const array of arrays) {
    merged.set(array, at)
    at += array.length
  }
  return merged.sort()
}

/**
 * A small map from bucket index to number, for the few hundred buckets of one text. It stays in
 * the processor's cache, where an array over all 2^18 buckets would miss it at every access;
 * cleared in time proportional to its size, so it is reused from text to text.
 * Buckets are hash outputs already, so their low bits index the table directly (linear probing).
 */
export class BucketMap {
  /** Buckets in the order they were first added; `values[i]` belongs to `buckets[i]`. */
  buckets = new Int32Array(64)
  values = new Float64Array(64)
  size = 0
  private slots = new Int32Array(128).fill(-1)
  /** The slot of each entry, so that clearing touches only used slots. */
  private slotOf = new Int32Array(64)

  /** Adds `amount` to the value of `bucket` (0 when new). */
  add(bucket: number, amount: number): void {
    const at = this.find(bucket)
    if (at !== -1) {
      this.values[at]! += amount
      return
    }
    if (this.size * 2 >= this.slots.length) this.grow()
    if (this.size === this.buckets.length) {
      const buckets = new Int32Array(this.size * 2)
      const values = new Float64Array(this.size * 2)
      const slotOf = new Int32Array(this.size * 2)
      buckets.set(this.buckets)
      values.set(this.values)
      slotOf.set(this.slotOf)
      this.buckets = buckets
      this.values = values
      this.slotOf = slotOf
    }
    this.place(bucket, this.size)
    this.buckets[this.size] = bucket
    this.values[this.size] = amount
    this.size++
  }

  /** The value of `bucket`, 0 when absent. */
  get(bucket: number): number {
    const at = this.find(bucket)
    return at === -1 ? 0 : this.values[at]!
  }

  /** Empties the map, keeping its memory. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.slots[this.slotOf[i]!] = -1
    this.size = 0
  }

  private find(bucket: number): number {
    const mask = this.slots.length - 1
    let slot = bucket & mask
    for (;;) {
      const at = this.slots[slot]!
      if (at === -1 || this.buckets[at] === bucket) return at
      slot = (slot + 1) & mask
    }
  }

  private place(bucket: number, at: number): void {
    const mask = this.slots.length - 1
    let slot = bucket & mask
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask
    this.slots[slot] = at
    this.slotOf[at] = slot
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1)
    for (let i = 0; i < this.size; i++) this.place(this.buckets[i]!, i)
  }
}

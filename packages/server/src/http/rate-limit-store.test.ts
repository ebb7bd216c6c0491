import { describe, expect, it } from 'vitest'
import type { RateLimitBinding } from './rate-limit-store.ts'
import { bindingRateLimitStore, memoryRateLimitStore } from './rate-limit-store.ts'

describe('memoryRateLimitStore', () => {
  it('allows the limit per key and window, then refuses until the window ends', async () => {
    const store = memoryRateLimitStore({ limit: 2, windowMs: 60_000 })
    const start = 1_000_000
    expect(await store.hit('a', start)).toEqual({ allowed: true })
    expect(await store.hit('a', start + 1_000)).toEqual({ allowed: true })
    expect(await store.hit('b', start + 1_000)).toEqual({ allowed: true })
    expect(await store.hit('a', start + 20_500)).toEqual({ allowed: false, retryAfterSeconds: 40 })
    expect(await store.hit('a', start + 60_000)).toEqual({ allowed: true })
  })
})

describe('bindingRateLimitStore', () => {
  /** The binding's contract: a verdict per key, counted by Cloudflare (here: the first `limit` calls pass). */
  function countingBinding(limit: number): RateLimitBinding & { keys: string[] } {
    const keys: string[] = []
    return {
      keys,
      async limit({ key }) {
        keys.push(key)
        return { success: keys.filter((seen) => seen === key).length <= limit }
      },
    }
  }

  it('asks the binding about the key and answers Retry-After as the time left in the aligned period', async () => {
    const binding = countingBinding(1)
    const store = bindingRateLimitStore(binding, { periodSeconds: 60 })
    const minute = Date.UTC(2026, 10, 28, 12, 0, 0)
    expect(await store.hit('pk|addr', minute + 5_000)).toEqual({ allowed: true })
    expect(await store.hit('pk|addr', minute + 15_400)).toEqual({ allowed: false, retryAfterSeconds: 45 })
    expect(await store.hit('pk|addr', minute + 59_999)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(binding.keys).toEqual(['pk|addr', 'pk|addr', 'pk|addr'])
  })
})

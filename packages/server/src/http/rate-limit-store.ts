/**
 * Where rate-limit counts live. The limiter (rate-limit.ts) decides what a key is; a store only
 * counts hits per key and window. Node counts in the process's memory, which is every request
 * it serves. Workers cannot: an isolate is one of many, so memory there would be no limit at all
 * across a fleet — they count through Cloudflare's rate-limiting binding instead.
 */

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export interface RateLimitStore {
  /** Counts one request against `key` and answers whether it is within the limit. */
  hit(key: string, now: number): Promise<RateLimitVerdict>
}

export interface MemoryRateLimitOptions {
  /** Requests allowed per window for one key. */
  limit: number
  windowMs: number
}

interface Window {
  count: number
  resetAt: number
}

/**
 * Fixed windows in this process's memory, each opened by its key's first hit. Exact for one
 * process; expired windows are swept once per window length, so memory follows the active keys.
 *
 * @example
 * const store = memoryRateLimitStore({ limit: 120, windowMs: 60_000 })
 * await store.hit('pk_…|203.0.113.7', Date.now()) // { allowed: true }
 */
export function memoryRateLimitStore(options: MemoryRateLimitOptions): RateLimitStore {
  const { limit, windowMs } = options
  const windows = new Map<string, Window>()
  let nextSweep = 0
  return {
    async hit(key, now) {
      if (now >= nextSweep) {
        for (const [stale, window] of windows) if (window.resetAt <= now) windows.delete(stale)
        nextSweep = now + windowMs
      }
      let window = windows.get(key)
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs }
        windows.set(key, window)
      }
      window.count++
      if (window.count <= limit) return { allowed: true }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) }
    },
  }
}

/**
 * Cloudflare's rate-limiting binding (`[[ratelimits]]` in wrangler.toml), as Workers types it.
 * @see https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/
 */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>
}

/**
 * Counts through Cloudflare's rate-limiting binding: one count per key for every isolate of the
 * Worker in a Cloudflare location, kept by Cloudflare, with no database write per request. The
 * limit and period are the binding's (`simple = { limit, period }`); `periodSeconds` must repeat
 * that period, since the binding does not say when a window ends: Retry-After answers the time
 * to the end of the current period-aligned window, which is at most one period.
 *
 * @example
 * const store = bindingRateLimitStore(env.RATE_LIMITER, { periodSeconds: 60 })
 */
export function bindingRateLimitStore(binding: RateLimitBinding, options: { periodSeconds: 10 | 60 }): RateLimitStore {
  return {
    async hit(key, now) {
      const { success } = await binding.limit({ key })
      if (success) return { allowed: true }
      const elapsed = Math.floor(now / 1000) % options.periodSeconds
      return { allowed: false, retryAfterSeconds: options.periodSeconds - elapsed }
    },
  }
}

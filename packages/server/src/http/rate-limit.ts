import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './env.ts'
import { addressBucket } from '../security/network-address.ts'
import { problem } from './problem.ts'

export interface RateLimitOptions {
  /** Requests allowed per window for one credential from one client address. 0 turns limiting off. */
  limit: number
  windowMs: number
  /** The caller's network address (each runtime knows it differently). */
  clientAddress: (c: Context<AppEnv>) => string
  /** Who is calling, once their credential is parsed and checked (see caller-identity.ts). */
  identify: (c: Context<AppEnv>) => Promise<string>
}

interface Window {
  count: number
  resetAt: number
}

/**
 * Fixed-window limits per caller (the app of a publishable key, the report of a reporter token,
 * or anonymous) and client address (an IPv6 address by its /64),
 * answering 429 with Retry-After. Counters live in memory: per process on Node, per isolate on
 * Workers — a guard against floods from one page, not a global quota.
 */
export function rateLimit(options: RateLimitOptions) {
  const windows = new Map<string, Window>()
  let nextSweep = 0
  return createMiddleware<AppEnv>(async (c, next) => {
    if (options.limit <= 0) return next()
    const now = c.var.services.now()
    if (now >= nextSweep) {
      for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key)
      nextSweep = now + options.windowMs
    }
    const key = `${await options.identify(c)}|${addressBucket(options.clientAddress(c))}`
    let window = windows.get(key)
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + options.windowMs }
      windows.set(key, window)
    }
    window.count++
    if (window.count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000))
      const response = problem('rate_limited', 429, `Too many requests from this page; try again in ${retryAfter} s.`, { retryAfter })
      response.headers.set('retry-after', String(retryAfter))
      return response
    }
    await next()
  })
}

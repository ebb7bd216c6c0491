import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './env.ts'
import { addressBucket } from '../security/network-address.ts'
import { problem } from './problem.ts'
import type { RateLimitStore } from './rate-limit-store.ts'

export interface RateLimitOptions {
  /** Where the counts live (see rate-limit-store.ts): memory on Node, Cloudflare's binding on Workers. */
  store: RateLimitStore
  /** The budget's name: budgets of different names count apart, even in one shared store. */
  name: string
  /** The caller's network address (each runtime knows it differently). */
  clientAddress: (c: Context<AppEnv>) => string
  /** Who is calling, once their credential is parsed and checked (see caller-identity.ts). */
  identify: (c: Context<AppEnv>) => Promise<string>
}

/**
 * Limits per caller (the app of a publishable key, the report of a reporter token, or anonymous)
 * and client address (an IPv6 address by its /64), answering 429 with Retry-After past the
 * store's limit.
 */
export function rateLimit(options: RateLimitOptions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = `${options.name}|${await options.identify(c)}|${addressBucket(options.clientAddress(c))}`
    const verdict = await options.store.hit(key, c.var.services.now())
    if (!verdict.allowed) {
      const { retryAfterSeconds: retryAfter } = verdict
      const response = problem('rate_limited', 429, `Too many requests from this page; try again in ${retryAfter} s.`, { retryAfter })
      response.headers.set('retry-after', String(retryAfter))
      return response
    }
    await next()
  })
}

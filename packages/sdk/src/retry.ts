import { TriageError } from './errors.ts'

export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  attempts?: number
  /** First backoff in ms; doubles each time, with full jitter. Default 300. */
  baseDelayMs?: number
  /**
   * The longest wait between two attempts, in ms. A Retry-After asking for more ends the
   * retries at once (a report then goes to the offline queue). Default 30 000.
   */
  maxDelayMs?: number
}

/** The policy in force: yours over the defaults. */
export type RetryPolicy = Required<RetryOptions>

export const retryPolicy = (options?: RetryOptions): RetryPolicy => ({ attempts: 4, baseDelayMs: 300, maxDelayMs: 30_000, ...options })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Full jitter: a random wait between 0 and the exponential step, capped. */
export const backoff = (policy: RetryPolicy, failures: number) => Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1))

/**
 * Runs `attempt` until it succeeds, retrying only failures that may pass next time (network,
 * 429, 5xx) with exponential backoff and full jitter, or after the server's Retry-After.
 * Other 4xx answers are final and thrown at once.
 * @param idempotent false for requests that must not be applied twice (a lost answer to a reply
 * may mean it was posted): then only 429 and 503, the "not now" answers, are retried.
 * @see https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/
 */
export async function withRetry<T>(attempt: () => Promise<T>, policy: RetryPolicy, idempotent = true): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      const retry = error instanceof TriageError && error.retryable && (idempotent || error.status === 429 || error.status === 503)
      const wait = retry ? (error.retryAfterMs ?? backoff(policy, n)) : 0
      if (!retry || n >= policy.attempts || wait > policy.maxDelayMs) throw error
      await sleep(wait)
    }
  }
}

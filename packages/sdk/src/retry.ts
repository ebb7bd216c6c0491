import { TriageError } from './errors.ts'

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number
  /** First backoff in ms; doubles each time, with full jitter. */
  baseDelayMs: number
}

export const defaultRetry: RetryOptions = { attempts: 4, baseDelayMs: 300 }

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `attempt` until it succeeds, retrying only failures that may pass next time
 * (network, 429, 5xx) with exponential backoff and full jitter.
 * @see https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/
 */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions = defaultRetry): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      if (!(error instanceof TriageError) || !error.retryable || n >= options.attempts) throw error
      await wait(Math.random() * options.baseDelayMs * 2 ** (n - 1))
    }
  }
}

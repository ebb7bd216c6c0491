// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { TriageError } from './errors.ts'
import { backoff, retryPolicy, withRetry } from './retry.ts'
import { parseRetryAfter } from './retry-after.ts'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const failing = (...errors: TriageError[]) => {
  let calls = 0
  const attempt = vi.fn(async () => {
    const error = errors[calls++]
    if (error) throw error
    return 'ok'
  })
  return attempt
}
const network = () => new TriageError('network_error', 0, 'offline')
const status = (code: number, retryAfterMs?: number) =>
  new TriageError(code >= 500 ? 'internal_error' : code === 429 ? 'rate_limited' : 'validation_failed', code, `answered ${code}`, { retryAfterMs })
const fast = retryPolicy({ attempts: 4, baseDelayMs: 1 })

describe('withRetry', () => {
  test('retries network errors, 429 and 5xx until one passes', async () => {
    const attempt = failing(network(), status(429), status(503))
    await expect(withRetry(attempt, fast)).resolves.toBe('ok')
    expect(attempt).toHaveBeenCalledTimes(4)
  })

  test('gives up after the configured attempts with the last error', async () => {
    const attempt = failing(network(), network(), status(500), status(502), network())
    await expect(withRetry(attempt, fast)).rejects.toMatchObject({ status: 502 })
    expect(attempt).toHaveBeenCalledTimes(4)
  })

  test.each([400, 401, 403, 404, 409, 413, 422])('never retries a %i', async (code) => {
    const attempt = failing(status(code))
    await expect(withRetry(attempt, fast)).rejects.toMatchObject({ status: code })
    expect(attempt).toHaveBeenCalledTimes(1)
  })

  test('never retries what is not a TriageError (a bug, not the network)', async () => {
    const attempt = vi.fn(async () => {
      throw new TypeError('x is undefined')
    })
    await expect(withRetry(attempt, fast)).rejects.toBeInstanceOf(TypeError)
    expect(attempt).toHaveBeenCalledTimes(1)
  })

  test('for requests that must not be applied twice, retries 429 and 503 but not a lost connection or a 500', async () => {
    const attempt = failing(status(429), status(503), network())
    await expect(withRetry(attempt, fast, false)).rejects.toMatchObject({ code: 'network_error' })
    expect(attempt).toHaveBeenCalledTimes(3)
    const crashed = failing(status(500))
    await expect(withRetry(crashed, fast, false)).rejects.toMatchObject({ status: 500 })
    expect(crashed).toHaveBeenCalledTimes(1)
  })

  test('waits what Retry-After asks before the next attempt', async () => {
    vi.useFakeTimers()
    const attempt = failing(status(429, 2_000))
    const result = withRetry(attempt, retryPolicy({ attempts: 2, baseDelayMs: 1 }))
    await vi.advanceTimersByTimeAsync(1_999)
    expect(attempt).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toBe('ok')
    expect(attempt).toHaveBeenCalledTimes(2)
  })

  test('stops at once when Retry-After asks for longer than maxDelayMs (the report is queued instead)', async () => {
    const attempt = failing(status(503, 60_000))
    await expect(withRetry(attempt, retryPolicy({ baseDelayMs: 1, maxDelayMs: 30_000 }))).rejects.toMatchObject({ status: 503 })
    expect(attempt).toHaveBeenCalledTimes(1)
  })

  test('takes what you set and keeps the defaults for the rest', () => {
    expect(retryPolicy({ attempts: 2 })).toEqual({ attempts: 2, baseDelayMs: 300, maxDelayMs: 30_000 })
  })

  test('backs off exponentially with full jitter: a random wait up to base × 2^(n-1), capped', () => {
    const options = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000 })
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999)
    expect([1, 2, 3, 4, 5].map((n) => Math.round(backoff(options, n)))).toEqual([100, 200, 400, 800, 1_000])
    vi.spyOn(Math, 'random').mockReturnValue(0)
    expect(backoff(options, 3)).toBe(0)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-29T10:00:00Z')
  test('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter('0', now)).toBe(0)
  })
  test('reads an HTTP date', () => {
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
  })
  test('asks no wait for a date in the past, nothing or something unreadable', () => {
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
  })
})

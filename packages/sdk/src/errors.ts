import type { Problem, ProblemCode } from '@triage/protocol'

/**
 * Codes the SDK adds to the server's problem codes, for outcomes decided in the page:
 * - `network_error`: the server was not reached (offline, DNS, CORS, connection reset).
 * - `invalid_response`: the server answered something that is not the protocol.
 * - `queued`: not sent yet, but saved in the offline queue; it will be sent once, later.
 * - `dropped`: `beforeSend` returned null, so nothing was sent.
 * - `no_token`: this browser holds no reporter token for the report; pass `{ token }`.
 */
export type ClientErrorCode = 'network_error' | 'invalid_response' | 'queued' | 'dropped' | 'no_token'

/** Every code a {@link TriageError} may carry: the server's problem codes and the SDK's own. */
export type TriageErrorCode = ProblemCode | ClientErrorCode

/**
 * The one error type the SDK throws. `code` is stable for `switch`, `detail` tells what to do,
 * `status` is the HTTP status (0 when the server was not reached), `problem` the server's
 * RFC 9457 body when there was one.
 *
 * @example
 * try {
 *   await triage.report({ symptoms })
 * } catch (error) {
 *   if (error instanceof TriageError && error.code === 'queued') showNotice('Saved: it will be sent when you are back online.')
 *   else throw error
 * }
 */
export class TriageError extends Error {
  // `declare`: assigned in the constructor, so no class-field code is emitted for them.
  declare readonly code: TriageErrorCode
  declare readonly status: number
  declare readonly detail: string
  declare readonly problem: Problem | undefined
  /** How long the server asked to wait before trying again (its Retry-After header), in ms. */
  declare retryAfterMs: number | undefined
  /** For `queued` (and any failed report): the key that makes a later send count once. */
  declare idempotencyKey: string | undefined

  constructor(code: TriageErrorCode, status: number, detail: string, problem?: Problem) {
    super(`${code}: ${detail}`)
    this.name = 'TriageError'
    this.code = code
    this.status = status
    this.detail = detail
    this.problem = problem
  }

  /** Whether the same request may succeed later: network failure, 429 or 5xx. */
  get retryable(): boolean {
    return this.code === 'network_error' || this.status === 429 || this.status >= 500
  }
}

import type { Problem, ProblemCode } from '@triage/protocol'

/**
 * Codes the SDK adds to the server's problem codes, for outcomes decided in the page:
 * - `network_error`: the server was not reached (offline, DNS, CORS, connection reset); `cause` is the fetch error.
 * - `invalid_response`: the server answered something that is not the protocol.
 * - `dropped`: `beforeSend` returned null, so nothing was sent.
 * - `no_token`: this browser holds no reporter token for the report; pass `{ token }`.
 */
export type ClientErrorCode = 'network_error' | 'invalid_response' | 'dropped' | 'no_token'

/** Every code a {@link TriageError} may carry: the server's problem codes and the SDK's own. */
export type TriageErrorCode = ProblemCode | ClientErrorCode

/** What a {@link TriageError} may know besides its code, status and detail. */
export interface TriageErrorFields {
  /** The server's RFC 9457 body, when it answered one. */
  problem?: Problem | undefined
  /** How long the server asked to wait before trying again (its Retry-After header), in ms. */
  retryAfterMs?: number | undefined
  /** For a report: the key that makes a later send of it count once. */
  idempotencyKey?: string | undefined
  /** What failed underneath, e.g. the network error of `fetch` (`network_error`). */
  cause?: unknown
}

/**
 * The one error type the SDK throws. `code` is stable for `switch`, `detail` tells what to do,
 * `status` is the HTTP status (0 when the server was not reached), `problem` the server's
 * RFC 9457 body when there was one, `cause` what failed underneath.
 *
 * @example
 * try {
 *   await triage.report({ symptoms })
 * } catch (error) {
 *   if (error instanceof TriageError && error.code === 'validation_failed') showFieldErrors(error.problem?.errors)
 *   else throw error
 * }
 */
export class TriageError extends Error {
  // `declare`: assigned in the constructor, so no class-field code is emitted for them.
  declare readonly code: TriageErrorCode
  declare readonly status: number
  declare readonly detail: string
  declare readonly problem: Problem | undefined
  declare readonly retryAfterMs: number | undefined
  declare readonly idempotencyKey: string | undefined

  constructor(code: TriageErrorCode, status: number, detail: string, fields: TriageErrorFields = {}) {
    super(`${code}: ${detail}`, fields)
    // Then `problem`, `retryAfterMs`, `idempotencyKey`, and `cause` where `Error` has no cause of its own.
    Object.assign(this, { name: 'TriageError', code, status, detail }, fields)
  }

  /** Whether the same request may succeed later: network failure, 429 or 5xx. */
  get retryable(): boolean {
    return this.code === 'network_error' || this.status === 429 || this.status >= 500
  }
}

/**
 * One of the SDK's later parts (`import('./files.ts')`…), or a `network_error` when it cannot be
 * fetched (a split bundle offline, a CDN that failed, a deploy that replaced it): retryable, so a
 * report waiting for it stays queued and resolves as such, and callers see a `TriageError`.
 * @example
 * const { fileForm } = await laterPart(import('./files.ts'))
 */
export const laterPart = <T>(load: Promise<T>): Promise<T> =>
  load.catch((cause) => {
    throw new TriageError('network_error', 0, String(cause), { cause })
  })

import type { Problem, ProblemCode } from '@triage/protocol'

/** Codes the SDK adds to the server's problem codes for failures that never reached it. */
export type ClientErrorCode = 'network_error' | 'invalid_response'

/**
 * The one error type the SDK throws. `code` is stable for `switch`, `detail` tells what to do,
 * `status` is the HTTP status (0 when the server was not reached).
 */
export class TriageError extends Error {
  readonly code: ProblemCode | ClientErrorCode
  readonly status: number
  readonly detail: string
  readonly problem: Problem | undefined

  constructor(code: ProblemCode | ClientErrorCode, status: number, detail: string, problem?: Problem) {
    super(`${code}: ${detail}`)
    this.name = 'TriageError'
    this.code = code
    this.status = status
    this.detail = detail
    this.problem = problem
  }

  /** Whether trying the same request again may succeed (network failure, 429, 5xx). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500
  }
}

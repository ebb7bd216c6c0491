import type { Problem, ProblemCode } from '@triage/protocol'
import { problemBody, problemMediaType } from '@triage/protocol'
import type { DomainError, DomainErrorCode } from '../domain/errors.ts'

/**
 * The one way the server answers an error.
 * @example return problem('not_found', 404, 'No report with this id. Check the id you were given.')
 */
export function problem(code: ProblemCode, status: number, detail: string, extra: Partial<Problem> = {}): Response {
  return new Response(JSON.stringify(problemBody(code, status, detail, extra)), {
    status,
    headers: { 'content-type': problemMediaType },
  })
}

/** How each refusal of the services reads over HTTP: the one table of statuses for domain errors. */
const domainProblems: Record<DomainErrorCode, { status: number; code: ProblemCode }> = {
  not_found: { status: 404, code: 'not_found' },
  conflict: { status: 409, code: 'conflict' },
  forbidden: { status: 403, code: 'forbidden' },
  // A well-formed body with wrong content (RFC 9110 §15.5.21); a bad parameter is a bad request.
  invalid_input: { status: 422, code: 'validation_failed' },
  invalid_parameter: { status: 400, code: 'validation_failed' },
  idempotency_key_reused: { status: 422, code: 'idempotency_key_reused' },
  too_large: { status: 413, code: 'payload_too_large' },
  unsupported_type: { status: 415, code: 'unsupported_media_type' },
  too_many_attachments: { status: 422, code: 'too_many_attachments' },
  quota_exceeded: { status: 413, code: 'quota_exceeded' },
  unavailable: { status: 503, code: 'storage_unavailable' },
}

/** A service's refusal as problem+json. */
export function domainProblem(error: DomainError): Response {
  const { status, code } = domainProblems[error.code]
  return problem(code, status, error.detail, error.details)
}

/**
 * A refusal the HTTP layer itself makes in a handler (a missing credential, say), thrown to the
 * app's error handler. Services throw DomainError instead.
 */
export class HttpProblem extends Error {
  readonly code: ProblemCode
  readonly status: number
  readonly detail: string
  readonly extra: Partial<Problem>

  constructor(code: ProblemCode, status: number, detail: string, extra: Partial<Problem> = {}) {
    super(detail)
    this.name = 'HttpProblem'
    this.code = code
    this.status = status
    this.detail = detail
    this.extra = extra
  }
}

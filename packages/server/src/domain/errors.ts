/**
 * Refusals the services explain to whoever called them: an HTTP client, the CLI, a job. They say
 * what went wrong and what to do, never how to say it over HTTP: `http/problem.ts` maps each code
 * to a status and a problem type, as Hono keeps HTTPException at the edge.
 */
import type { Problem } from '@triage/protocol'

export type DomainErrorCode =
  /** Nothing this caller may see has that id (it may exist for others: the answer does not tell). */
  | 'not_found'
  /** Not possible in the current state: a lifecycle step, a race, a resolved major incident… */
  | 'conflict'
  /** The caller may not do this. */
  | 'forbidden'
  /** What was sent (a body) is well-formed but not acceptable. */
  | 'invalid_input'
  /** A parameter of the request (a query, a cursor, a range) is not acceptable. */
  | 'invalid_parameter'
  /** An idempotency key that already made something else. */
  | 'idempotency_key_reused'
  /** Too big: a file, a report's files. */
  | 'too_large'
  /** A kind of content this server does not take (a file type). */
  | 'unsupported_type'
  /** More attachments than a report may have. */
  | 'too_many_attachments'
  /** The app's storage quota is used up. */
  | 'quota_exceeded'
  /** A store this needs is missing or busy now: try again, or configure it. */
  | 'unavailable'

/** Details a refusal carries for the caller: fields in error, where a lifecycle can go. */
export type DomainErrorDetails = Partial<Pick<Problem, 'errors' | 'allowed'>>

/** A refusal a service can explain; transport-free. */
export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly detail: string
  readonly details: DomainErrorDetails

  constructor(code: DomainErrorCode, detail: string, details: DomainErrorDetails = {}) {
    super(detail)
    this.name = 'DomainError'
    this.code = code
    this.detail = detail
    this.details = details
  }
}

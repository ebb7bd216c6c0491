/**
 * Error bodies: RFC 9457 problem details (`application/problem+json`).
 * `type` is a stable relative URI (`/problems/<code>`), `code` the same in snake_case for
 * switch statements, `detail` a sentence that tells the caller what to do next.
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: ProblemCode
  instance?: string
  /** For validation failures: each invalid field, as a JSON pointer-ish path and a message. */
  errors?: { path: string; message: string }[]
  /** For lifecycle conflicts: the statuses the incident may move to from where it is. */
  allowed?: string[]
  /** For rate limiting: seconds to wait (also in the Retry-After header). */
  retryAfter?: number
}

export const problemCodes = [
  'malformed_json',
  'unsupported_media_type',
  'validation_failed',
  'payload_too_large',
  'missing_key',
  'invalid_key',
  'forbidden_origin',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'idempotency_key_reused',
  'conflict',
  'rate_limited',
  'too_many_streams',
  'too_many_attachments',
  'quota_exceeded',
  'storage_unavailable',
  'erased',
  'internal_error',
] as const
export type ProblemCode = (typeof problemCodes)[number]

export const problemMediaType = 'application/problem+json'

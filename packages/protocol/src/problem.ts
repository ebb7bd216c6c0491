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
  'internal_error',
] as const
export type ProblemCode = (typeof problemCodes)[number]

export const problemMediaType = 'application/problem+json'

/** Each code's title: the problem type's short, stable summary (docs/problems.md). */
export const problemTitles: Record<ProblemCode, string> = {
  malformed_json: 'Malformed JSON',
  unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Validation failed',
  payload_too_large: 'Payload too large',
  missing_key: 'Missing API key',
  invalid_key: 'Invalid API key',
  forbidden_origin: 'Origin not allowed',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  idempotency_key_reused: 'Idempotency key reused',
  conflict: 'Conflict',
  rate_limited: 'Too many requests',
  too_many_streams: 'Too many live streams',
  too_many_attachments: 'Too many attachments',
  quota_exceeded: 'Storage quota exceeded',
  storage_unavailable: 'Storage unavailable',
  internal_error: 'Internal error',
}

/**
 * An RFC 9457 problem body, the one shape of every error answer: the server's, and the fake API's
 * in tests. `type` is a stable relative URI documented in docs/problems.md.
 * @example
 * problemBody('not_found', 404, 'No report with this id. Check the id you were given.')
 * // { type: '/problems/not-found', title: 'Not found', status: 404, detail: '…', code: 'not_found' }
 */
export function problemBody(code: ProblemCode, status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/problems/${code.replace(/_/g, '-')}`, title: problemTitles[code], status, detail, code, ...extra }
}

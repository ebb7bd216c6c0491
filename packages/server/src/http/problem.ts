import type { Problem, ProblemCode } from '@triage/protocol'
import { problemMediaType } from '@triage/protocol'

const titles: Record<ProblemCode, string> = {
  malformed_json: 'Malformed JSON',
  unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Validation failed',
  payload_too_large: 'Payload too large',
  missing_key: 'Missing API key',
  invalid_key: 'Invalid API key',
  invalid_credentials: 'Wrong e-mail or password',
  session_expired: 'Session expired',
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

/** Builds an RFC 9457 problem body; `type` is a stable relative URI documented in docs/problems.md. */
export function problemBody(code: ProblemCode, status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/problems/${code.replace(/_/g, '-')}`, title: titles[code], status, detail, code, ...extra }
}

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

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Undefined when absent or unreadable.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // A date in the past, or no date at all: no wait asked (NaN || undefined is undefined).
  return Math.max(0, Date.parse(value) - now) || undefined
}

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Undefined when absent or unreadable.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  // No header reads as 'null' (neither seconds nor a date); a date in the past, or no date at all,
  // asks no wait (NaN || undefined is undefined).
  if (/^\d+$/.test(value as string)) return Number(value) * 1000
  return Math.max(0, Date.parse(value as string) - now) || undefined
}

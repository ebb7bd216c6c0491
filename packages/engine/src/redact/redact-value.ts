import { countsInOrder, redactText } from './redact-text.ts'
import { secretKeyKind } from './secret-keys.ts'
import { isMarker, marker } from '@triage/protocol'
import type { RedactionCount, RedactionKind, RedactOptions } from './types.ts'

export interface RedactedValue<T> {
  value: T
  found: RedactionCount[]
}

/** Deeper than this, a value cannot be inspected affordably and is hidden whole. */
const maxDepth = 64

/**
 * Masks secrets in a JSON value (a report's context, a breadcrumb's data): the whole value under a
 * secret key name (password, token, secret, authorization, cookie, api key…), and secrets inside
 * every string as {@link redactText} does. Returns a copy; the input is not changed. A value under a
 * secret key becomes its marker string whatever its type; empty values (`''`, `null`) are kept.
 *
 * @example
 * redactValue({ headers: { Authorization: 'Bearer abc…' }, url: '/cb?token=9f8e7d6c5b4a' }).value
 * // { headers: { Authorization: '[redacted:token]' }, url: '/cb?token=[redacted:token]' }
 */
export function redactValue<T>(value: T, options: RedactOptions = {}): RedactedValue<T> {
  const counts = new Map<RedactionKind, number>()
  const count = (kind: RedactionKind, n = 1) => counts.set(kind, (counts.get(kind) ?? 0) + n)

  const walk = (current: unknown, depth: number): unknown => {
    if (typeof current === 'string') {
      const redacted = redactText(current, options)
      for (const { kind, count: n } of redacted.found) count(kind, n)
      return redacted.text
    }
    if (current === null || typeof current !== 'object') return current
    if (depth >= maxDepth) {
      count('depth')
      return marker('depth')
    }
    if (Array.isArray(current)) return current.map((item) => walk(item, depth + 1))
    if (!isPlainObject(current)) return current
    // fromEntries defines own properties, so a `__proto__` key stays data and never a prototype.
    return Object.fromEntries(
      Object.entries(current).map(([key, item]) => {
        const kind = secretKeyKind(key, options.secretKeys)
        if (!kind || item === null || item === undefined || item === '' || isMarker(item)) return [key, walk(item, depth + 1)]
        count(kind)
        return [key, marker(kind)]
      }),
    )
  }

  return { value: walk(value, 0) as T, found: countsInOrder(counts) }
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

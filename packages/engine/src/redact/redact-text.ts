import { textRules } from './text-rules.ts'
import type { RedactionCount, RedactionKind, RedactOptions } from './types.ts'

export interface RedactedText {
  text: string
  /** What was hidden, per kind, in a fixed order; empty when nothing was. */
  found: RedactionCount[]
}

/**
 * Masks secrets in free text with stable markers: passwords, API keys and tokens (Bearer, JWT,
 * `sk_live_…`, `AKIA…`, `ghp_…`, `token=`/`api_key=`/`secret=` values), Luhn-valid card numbers
 * (last four kept), mod-97-valid IBANs, and e-mail addresses when `emails` is on.
 * Markers are never redacted again, so running it twice changes nothing.
 *
 * @example
 * redactText('password: hunter2, card 4242 4242 4242 4242')
 * // { text: 'password: [redacted:password], card [redacted:card ••••4242]',
 * //   found: [{ kind: 'password', count: 1 }, { kind: 'card', count: 1 }] }
 */
export function redactText(text: string, options: RedactOptions = {}): RedactedText {
  const counts = new Map<RedactionKind, number>()
  let out = text
  for (const rule of textRules) {
    if (rule.optIn === 'emails' && !options.emails) continue
    out = out.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      // The callback gets the capture groups, then the offset (a number), then the whole input.
      const groups = rest
        .slice(
          0,
          rest.findIndex((part) => typeof part === 'number'),
        )
        .map((part) => (typeof part === 'string' ? part : ''))
      const replaced = rule.replace(match, groups)
      if (replaced === null) return match
      counts.set(rule.kind, (counts.get(rule.kind) ?? 0) + 1)
      return replaced
    })
  }
  return { text: out, found: countsInOrder(counts) }
}

const kindOrder: readonly RedactionKind[] = ['password', 'token', 'api_key', 'secret', 'card', 'iban', 'email', 'depth']

/** Counts as a list in one fixed kind order, whatever order they were found in. */
export function countsInOrder(counts: ReadonlyMap<RedactionKind, number>): RedactionCount[] {
  return kindOrder.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 }))
}

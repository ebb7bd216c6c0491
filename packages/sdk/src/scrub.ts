/**
 * Redaction before anything leaves the page. It runs on what the SDK captured (context,
 * breadcrumbs), not on what the reporter wrote: their words are the report. The server redacts
 * again; this pass keeps secrets out of transit and out of the offline queue. Both passes share
 * one vocabulary (`@triage/protocol`'s secrets.ts: names, shapes, Luhn, the `[redacted:<kind>]`
 * marker), and the server leaves this pass's markers as they are. Rules lean to over-redacting: a
 * lost detail costs less than a leaked credential.
 */
import type { SecretKind } from '@triage/protocol'
import { assignedValueMinChars, isLuhnValid, marker, secretKindOf, secretValues, secretWords } from '@triage/protocol'

// Authorization values first (`Authorization: Bearer …`): the token must look random (a digit
// or +/=, or 20 characters), so "Basic functionality" stays. The engine's rule differs on purpose
// (packages/engine/src/redact/text-rules.ts): in what people write, 16 characters after `Bearer`,
// and `Basic` only after an `Authorization` label; in what a page captures (headers, URLs, logs),
// a scheme is followed by a credential, and shorter test tokens are credentials too.
const rules: [RegExp, string][] = [[/\b(Bearer|Basic)\s+(?=[\w~+/.-]*[\d+/=]|[\w~+/.-]{20})[\w~+/.=-]{8,}/gi, `$1 ${marker('token')}`]]
// Then, kind by kind: the value after a secret name in URLs and text (`?access_token=…`,
// `"secret":"…"`, `password: …`), whose name starts a word (the character before it is matched
// and kept: Safari < 16.4 has no lookbehind); or a secret known by its shape (a JWT, `sk_live_…`),
// where `$1` is empty.
for (const kind in secretWords) {
  const shape = secretValues[kind as keyof typeof secretValues]
  const assigned = `((?:^|[^a-z\\d])(?:${secretWords[kind as SecretKind]})["']?\\s*[:=]\\s*["']?)[^\\s"'&,;#[]{${assignedValueMinChars.captured},}`
  rules.push([new RegExp(shape ? `${assigned}|\\b(?:${shape})` : assigned, 'gi'), `$1${marker(kind as SecretKind)}`])
}
// Card numbers: 13–19 digits of a card network's range (2–6), spaced or not, that pass Luhn.
const cardNumber = /\b[2-6](?:[ -]?\d){12,18}\b/g

/**
 * Redacts the secrets in one string.
 * @example
 * scrubText('GET /api?token=abc failed') // 'GET /api?token=[redacted:token] failed'
 */
export function scrubText(text: string): string {
  for (const [pattern, replacement] of rules) text = text.replace(pattern, replacement)
  // The card's last four digits stay out too: the server keeps them for what people write.
  return text.replace(cardNumber, (match) => (isLuhnValid(match.replace(/\D/g, '')) ? marker('card') : match))
}

/**
 * Redacts every string in a JSON-like value, and every value under a secret-sounding name; the
 * SDK runs it on each report's context, and `beforeSend` may use it on what it adds.
 * @example
 * scrub({ order: 'o_1', apiKey: 'k_123' }) // { order: 'o_1', apiKey: '[redacted:api_key]' }
 */
export function scrub<T>(value: T): T {
  if (typeof value === 'string') return scrubText(value) as T
  if (Array.isArray(value)) return value.map(scrub) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => {
        const kind = secretKindOf(name)
        return [name, kind ? marker(kind) : scrub(item)]
      }),
    ) as T
  }
  return value
}

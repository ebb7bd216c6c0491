/**
 * Redaction before anything leaves the page. It runs on what the SDK captured (context,
 * breadcrumbs), not on what the reporter wrote: their words are the report. The server redacts
 * again; this pass keeps secrets out of transit and out of the offline queue.
 * Rules lean to over-redacting: a lost detail costs less than a leaked credential.
 */
const filtered = '[Filtered]'

// Parameter and field names that hold credentials: `token`, `access_token`, `apiKey`, `x-api-key`,
// `password`, `client_secret`, `sig`, `X-Amz-Signature`, `session_id`… but not `keyword` or `monkey`.
const secretWords = 'token|key|apikey|pass(?:word|wd)?|pwd|secret|sig|signature|auth|authorization|cookie|session(?:_?id)?|sid|jwt|otp|credentials?'
const secretName = new RegExp(`^(?:.*[_-])?(?:${secretWords})$`, 'i')
// The same names given a value: URL parameters (`?access_token=…`, `#id_token=…`), and
// `password: hunter2` or `"secret":"…"` in free text. `code=` too: an OAuth authorization code.
const secretAssignment = new RegExp(`((?:^|\\W)(?:[\\w.-]*[_-])?(?:${secretWords}|code(?==))["']?\\s*[:=]\\s*["']?)[^\\s"'&,;#]+`, 'gi')

/** `apiKey` → `api_Key`, so camelCase names match like snake_case ones. */
export const isSecretName = (name: string) => secretName.test(name.replace(/([a-z])([A-Z])/g, '$1_$2'))

/** Luhn checksum: the 1-in-10 test every card number passes and most other digit runs fail. */
export function luhn(digits: string): boolean {
  let sum = 0
  for (let i = digits.length; i--; ) {
    const digit = Number(digits[i]) * ((digits.length - i) % 2 ? 1 : 2)
    sum += digit > 9 ? digit - 9 : digit
  }
  return sum % 10 === 0
}

const rules: [RegExp, string][] = [
  // JSON Web Tokens: base64url header and payload, both starting `{"` (eyJ).
  [/\beyJ[\w-]{4,}\.eyJ[\w-]{4,}\.[\w-]*/g, filtered],
  // Authorization values (before the assignments: `Authorization: Bearer …`). The token must
  // look random (a digit or +/=, or 20 characters), so "Basic functionality" stays.
  [/\b(Bearer|Basic)\s+(?=[\w~+/.-]*[\d+/=]|[\w~+/.-]{20})[\w~+/.=-]{8,}/gi, `$1 ${filtered}`],
  // API keys and tokens in the sk_/pk_ style (Stripe, ours: rt_ reporter tokens, whsec_ webhook secrets).
  [/\b(?:sk|pk|rk|rt|whsec)_(?:live_|test_)?[\w-]{12,}/g, filtered],
  // Secret URL parameters and assignments in text.
  [secretAssignment, `$1${filtered}`],
]
// Card numbers: 13–19 digits of a card network's range (2–6), spaced or not, that pass Luhn.
const cardNumber = /\b[2-6](?:[ -]?\d){12,18}\b/g

/**
 * Redacts the secrets in one string.
 * @example
 * scrubText('GET /api?token=abc failed') // 'GET /api?token=[Filtered] failed'
 */
export function scrubText(text: string): string {
  for (const [pattern, replacement] of rules) text = text.replace(pattern, replacement)
  return text.replace(cardNumber, (match) => (luhn(match.replace(/\D/g, '')) ? filtered : match))
}

/**
 * Redacts every string in a JSON-like value, and every value under a secret-sounding name; the
 * SDK runs it on each report's context, and `beforeSend` may use it on what it adds.
 * @example
 * scrub({ order: 'o_1', apiKey: 'k_123' }) // { order: 'o_1', apiKey: '[Filtered]' }
 */
export function scrub<T>(value: T): T {
  if (typeof value === 'string') return scrubText(value) as T
  if (Array.isArray(value)) return value.map(scrub) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, isSecretName(name) ? filtered : scrub(item)])) as T
  }
  return value
}

import type { RedactionKind, SecretKind } from '@triage/protocol'
import { assignedValueMinChars, cardMarker, isLuhnValid, marker, secretValues, secretWords } from '@triage/protocol'
import { isIbanValid } from './checksums.ts'

/**
 * One kind of secret in free text: a global pattern, and what a match becomes (`null` keeps it, e.g.
 * a 16-digit number that fails the Luhn check). Rules run in order on the text the previous ones left,
 * most specific first, so a JWT inside `Bearer …` is counted once.
 */
export interface TextRule {
  kind: RedactionKind
  pattern: RegExp
  replace: (match: string, groups: string[]) => string | null
  /** Only when the caller opts in (`emails`). */
  optIn?: 'emails'
}

const whole = (kind: RedactionKind) => () => marker(kind)
/** Keeps the label (group 1) and hides the value (group 2). */
const labelled =
  (kind: RedactionKind) =>
  (_: string, [label = '']: string[]) =>
    label + marker(kind)

/** Secrets known by their shape (the shared vocabulary's JWTs, `sk_`/`pk_`/`rt_`/`whsec_` keys), as a rule of `kind`. */
const shaped = (kind: keyof typeof secretValues): TextRule => ({ kind, pattern: new RegExp(`\\b(?:${secretValues[kind]})`, 'g'), replace: whole(kind) })

/**
 * The value after a secret name of the shared vocabulary and `=` or `:` (`?access_token=…`,
 * `"secret": "…"`), as a rule of `kind`. In what people write, only a value long enough to be a
 * credential: "token=short" is talk.
 */
const assigned = (kind: SecretKind): TextRule => ({
  kind,
  pattern: new RegExp(`((?<![A-Za-z0-9])(?:${secretWords[kind]})"?\\s*[=:]\\s*"?)([A-Za-z0-9._~+/%-]{${assignedValueMinChars.written},}={0,2})`, 'gi'),
  replace: labelled(kind),
})

// `password: value`, `mot de passe : value`, `pwd=value`, `my password is value`: the vocabulary's
// password names, and the French one written with spaces.
const passwordLabel = new RegExp(
  `((?<![A-Za-z0-9])(?:${secretWords.password}|mot de passe)"?(\\s*[:=]\\s*|\\s+(?:is|was|est|etait|était)\\s+(?::\\s*)?))("[^"\\n]{1,200}"|'[^'\\n]{1,200}'|«[^»\\n]{1,200}»|[^\\s"'&<>]+)`,
  'gi',
)

export const textRules: readonly TextRule[] = [
  shaped('token'),
  { kind: 'token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g, replace: whole('token') },
  { kind: 'token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, replace: whole('token') },
  { kind: 'api_key', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: whole('api_key') },
  shaped('api_key'),
  shaped('secret'),
  // Stricter than the SDK's rule for what a page captures (packages/sdk/src/scrub.ts, 8 characters
  // that look random, `Basic` anywhere): in prose "basic" is a word, and a short token is rare.
  { kind: 'token', pattern: /(\bBearer\s+)([A-Za-z0-9._~+/-]{16,}=*)/gi, replace: labelled('token') },
  { kind: 'token', pattern: /(\bauthorization"?\s*[:=]\s*"?Basic\s+)([A-Za-z0-9+/]{8,}={0,2})/gi, replace: labelled('token') },
  // https://user:secret@host (RFC 3986 userinfo)
  { kind: 'password', pattern: /((?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:/@[\]]+:)([^\s@/[\]]+)(?=@)/gi, replace: labelled('password') },
  assigned('secret'),
  assigned('api_key'),
  assigned('token'),
  { kind: 'password', pattern: passwordLabel, replace: redactPassword },
  // Before cards: an IBAN holds long digit runs a card pattern could take.
  {
    kind: 'iban',
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/gi,
    replace: (match) => (isIbanValid(match) ? marker('iban') : null),
  },
  // 13–19 digits, whole or in groups of 4 (or Amex 4-6-5), starting like a card network (2–6).
  { kind: 'card', pattern: /(?<!\d)(?:[2-6]\d{12,18}|[2-6]\d{3}(?:[ -]\d{4}){3}(?:[ -]\d{3})?|3\d{3}[ -]\d{6}[ -]\d{4,5})(?!\d)/g, replace: redactCard },
  { kind: 'email', optIn: 'emails', pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, replace: whole('email') },
]

function redactCard(match: string): string | null {
  const digits = match.replace(/\D/g, '')
  if (isLuhnValid(digits)) return cardMarker(digits.slice(-4))
  // "4242 4242 4242 4242 123" may be a card followed by a 3-digit number (a CVC, a count).
  const groups = match.split(/[ -]/)
  if (groups.length === 5) {
    const card = groups.slice(0, 4).join('')
    if (isLuhnValid(card)) return `${cardMarker(card.slice(-4))}${match.slice(match.length - (groups[4]?.length ?? 0) - 1)}`
  }
  return null
}

/**
 * A value after a password label is hidden when it is compact (`pwd=x`), quoted, or looks like a
 * secret (a digit, a symbol, inner capitals): "my password is hunter2" is hidden, "password: can you
 * reset it" and "mot de passe est refusé" are left alone.
 */
function redactPassword(_: string, [label = '', connector = '', value = '']: string[]): string | null {
  const quoted = /^["'«]/.test(value)
  if ((quoted ? value.slice(1) : value).startsWith('[redacted:')) return null
  // Quotes stay around the marker (JSON in a log line stays JSON); sentence punctuation stays after it.
  if (quoted) return `${label}${value.at(0)}${marker('password')}${value.at(-1)}`
  const trailing = /[.,;:!?)]+$/.exec(value)?.[0] ?? ''
  const secret = value.slice(0, value.length - trailing.length)
  if (secret === '' || (!/^[:=]$/.test(connector) && !looksSecret(secret))) return null
  return label + marker('password') + trailing
}

function looksSecret(word: string): boolean {
  return /\d/.test(word) || /[^\p{L}]/u.test(word) || /\p{Ll}\p{Lu}/u.test(word)
}

import { isIbanValid, isLuhnValid } from './checksums.ts'
import type { RedactionKind } from './types.ts'
import { marker } from './types.ts'

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
const labelled = (kind: RedactionKind) => (_: string, [label = '']: string[]) => label + marker(kind)

// Key names before `=` or `:` whose value is a credential, by kind.
const tokenKeys = 'access_token|refresh_token|id_token|auth_token|session_token|session_id|sessionid|token'
const apiKeyKeys = 'api_key|apikey|api-key|x-api-key|access_key|access_key_id'
const secretKeys = 'client_secret|secret_key|secret|private_key|signature'
const paramValue = '([A-Za-z0-9._~+/%-]{8,}={0,2})'
const param = (keys: string) => new RegExp(`((?<![A-Za-z0-9])(?:${keys})"?\\s*[=:]\\s*"?)${paramValue}`, 'gi')

// `password: value`, `mot de passe : value`, `pwd=value`, `my password is value`.
const passwordLabel = /((?<![A-Za-z0-9])(?:password|passwd|passphrase|pwd|mot de passe|mot_de_passe|motdepasse|mdp)"?(\s*[:=]\s*|\s+(?:is|was|est|etait|était)\s+(?::\s*)?))("[^"\n]{1,200}"|'[^'\n]{1,200}'|«[^»\n]{1,200}»|[^\s"'&<>]+)/gi

export const textRules: readonly TextRule[] = [
  { kind: 'token', pattern: /\beyJ[\w-]{5,}\.ey[\w-]{5,}\.[\w-]*/g, replace: whole('token') },
  { kind: 'token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g, replace: whole('token') },
  { kind: 'token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, replace: whole('token') },
  { kind: 'api_key', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: whole('api_key') },
  // Stripe-style and our own keys (`sk_`, `pk_`); `rt_` is a reporter token.
  { kind: 'api_key', pattern: /(?<![A-Za-z0-9])(?:sk|pk|rk)_(?:live_|test_)?[A-Za-z0-9_-]{16,}/g, replace: whole('api_key') },
  { kind: 'token', pattern: /(?<![A-Za-z0-9])rt_[A-Za-z0-9_-]{16,}/g, replace: whole('token') },
  { kind: 'token', pattern: /(\bBearer\s+)([A-Za-z0-9._~+/-]{16,}=*)/gi, replace: labelled('token') },
  { kind: 'token', pattern: /(\bauthorization"?\s*[:=]\s*"?Basic\s+)([A-Za-z0-9+/]{8,}={0,2})/gi, replace: labelled('token') },
  // https://user:secret@host (RFC 3986 userinfo)
  { kind: 'password', pattern: /((?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:/@[\]]+:)([^\s@/[\]]+)(?=@)/gi, replace: labelled('password') },
  { kind: 'token', pattern: param(tokenKeys), replace: labelled('token') },
  { kind: 'api_key', pattern: param(apiKeyKeys), replace: labelled('api_key') },
  { kind: 'secret', pattern: param(secretKeys), replace: labelled('secret') },
  { kind: 'password', pattern: passwordLabel, replace: redactPassword },
  // Before cards: an IBAN holds long digit runs a card pattern could take.
  { kind: 'iban', pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/gi, replace: (match) => (isIbanValid(match) ? marker('iban') : null) },
  // 13–19 digits, whole or in groups of 4 (or Amex 4-6-5), starting like a card network (2–6).
  { kind: 'card', pattern: /(?<!\d)(?:[2-6]\d{12,18}|[2-6]\d{3}(?:[ -]\d{4}){3}(?:[ -]\d{3})?|3\d{3}[ -]\d{6}[ -]\d{4,5})(?!\d)/g, replace: redactCard },
  { kind: 'email', optIn: 'emails', pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, replace: whole('email') },
]

function redactCard(match: string): string | null {
  const digits = match.replace(/\D/g, '')
  if (isLuhnValid(digits)) return marker('card', digits.slice(-4))
  // "4242 4242 4242 4242 123" may be a card followed by a 3-digit number (a CVC, a count).
  const groups = match.split(/[ -]/)
  if (groups.length === 5) {
    const card = groups.slice(0, 4).join('')
    if (isLuhnValid(card)) return `${marker('card', card.slice(-4))}${match.slice(match.length - (groups[4]?.length ?? 0) - 1)}`
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

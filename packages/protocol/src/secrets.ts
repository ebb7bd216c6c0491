/**
 * The one vocabulary of secrets, shared by the SDK's scrubbing (in the page, before anything
 * leaves it) and the engine's redaction (on the server, before anything is stored): which names
 * hold a credential, which prefixes mark a key or a token and how long one is, the Luhn check of
 * card numbers, and the marker that stands where something was hidden. Each side applies it its
 * own way (the SDK small, the engine with counts and more patterns); the words are decided here.
 */

/** What a redaction hid; `[redacted:<kind>]` says which. */
export type RedactionKind = 'password' | 'token' | 'api_key' | 'secret' | 'card' | 'iban' | 'email' | 'depth'

/** The kinds a name or a prefix can tell. */
export type SecretKind = Extract<RedactionKind, 'password' | 'token' | 'api_key' | 'secret'>

/**
 * The words that make a name (a JSON key, a URL parameter, a header) a credential's, by kind, as
 * regular-expression alternatives matched whole words at a time: `sessionId`, `X-Api-Key`,
 * `AWS_ACCESS_KEY_ID` and `mot_de_passe` are secret names; `keyboard`, `tokens`, `author` and
 * `passenger` are not. `code` only right before `=`: an OAuth authorization code in a URL, while a
 * JSON key `code` is ordinary. The first kind that matches names it (`private_key` is a secret).
 */
export const secretWords = {
  password: 'pass(?:word|wd|phrase)?|pwd|mdp|mot_?de_?passe|otp',
  secret: 'secret|credentials?|private_?key|sig(?:nature)?',
  api_key: '(?:api_?|access_?)?key(?:_?id)?',
  token: 'token|auth(?:orization)?|cookie|session(?:_?id)?|sid|jwt|[cx]srf|code(?==)',
} satisfies Record<SecretKind, string>

/** The shortest token after a prefix (`rt_`, `sk_`; in `sk_live_…`, `live_` counts): shorter, `sk_short` is a word, not a key. */
export const prefixedTokenMinChars = 16

/**
 * Secrets recognisable by their shape alone, by kind, as regular-expression sources to match from
 * a word boundary: JSON Web Tokens (a base64url header and payload, both starting `{"`, eyJ), and
 * keys in the `sk_live_…` style, Stripe's and ours (`pk_`/`sk_`/`rk_` keys, `rt_` reporter tokens,
 * `whsec_` webhook secrets). `live_` and `test_` need no pattern of their own: they are among the
 * characters counted after the prefix (an optional `(?:live_|test_)?` matched the same strings).
 */
export const secretValues = {
  token: `eyJ[\\w-]{4,}\\.eyJ[\\w-]{4,}\\.[\\w-]*|rt_[\\w-]{${prefixedTokenMinChars},}`,
  api_key: `[spr]k_[\\w-]{${prefixedTokenMinChars},}`,
  secret: `whsec_[\\w-]{${prefixedTokenMinChars},}`,
} satisfies Partial<Record<SecretKind, string>>

/**
 * The shortest value hidden after a secret name and `=` or `:`. In what the SDK captures (URLs,
 * console lines, request logs) any value of a secret parameter is one: `?sig=abc`. In what people
 * write, a short word is more often talk than a secret: "token=short".
 */
export const assignedValueMinChars = { captured: 1, written: 8 } as const

/**
 * The kind of credential a name holds, or `undefined` for an ordinary name. The name is read as
 * words split at camelCase humps and at anything but letters and digits.
 * @example
 * secretKindOf('X-Api-Key') // 'api_key'
 * secretKindOf('keyboard') // undefined
 */
export function secretKindOf(name: string): SecretKind | undefined {
  // One pass: `_` after a camelCase hump's last small letter or digit, and for each run of anything else (`$1` is then empty).
  const words = name.replace(/([a-z\d])(?=[A-Z])|\W+/g, '$1_')
  for (const kind in secretWords) if (new RegExp(`(?:^|_)(?:${secretWords[kind as SecretKind]})(?:_|$)`, 'i').test(words)) return kind as SecretKind
  return undefined
}

/**
 * Luhn (mod 10) check of a payment card number, digits only: the 1-in-10 test every card number
 * passes and most other digit runs fail.
 * @see ISO/IEC 7812-1, annex B
 */
export function isLuhnValid(digits: string): boolean {
  let sum = 0
  for (let i = digits.length; i--; ) {
    // Every second digit from the right is doubled; a two-digit result counts as its digit sum.
    const digit = Number(digits[i]) * ((digits.length - i) % 2 ? 1 : 2)
    sum += digit > 9 ? digit - 9 : digit
  }
  // A character that is not a digit makes the sum NaN, and NaN % 10 is no 0.
  return digits !== '' && sum % 10 === 0
}

/**
 * What stands where a secret was: `[redacted:token]`. Both sides write it, and neither hides a
 * marker again ({@link isMarker}).
 */
export const marker = (kind: RedactionKind): string => `[redacted:${kind}]`

/** A card's marker keeps its last four digits, so the reporter and the agent can tell which card: `[redacted:card ••••4242]`. */
export const cardMarker = (lastFour: string): string => `[redacted:card ••••${lastFour}]`

/** Whether a value is a marker (left as it is by a second pass). */
export const isMarker = (value: unknown): boolean => typeof value === 'string' && /^\[redacted:[a-z_]+(?: ••••\d{4})?\]$/.test(value)

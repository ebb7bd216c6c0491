/** What a redaction hid; the marker reads `[redacted:<kind>]`. */
export type RedactionKind = 'password' | 'token' | 'api_key' | 'secret' | 'card' | 'iban' | 'email' | 'depth'

/** How many of one kind were hidden. */
export interface RedactionCount {
  kind: RedactionKind
  count: number
}

export interface RedactOptions {
  /** Also mask e-mail addresses in free text; default `false` (a reporter often writes their own on purpose). */
  emails?: boolean
  /** More key names whose whole value `redactValue` hides, compared without case, `-` or `_`; e.g. `['pin']`. */
  secretKeys?: readonly string[]
}

/** The text of a marker; a card keeps its last four digits so the reporter and agent can tell which. */
export function marker(kind: RedactionKind, lastFour?: string): string {
  return lastFour ? `[redacted:${kind} ••••${lastFour}]` : `[redacted:${kind}]`
}

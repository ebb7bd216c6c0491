import type { RedactionKind } from '@triage/protocol'

/** What a redaction hid; the marker reads `[redacted:<kind>]` (the shared vocabulary, `@triage/protocol`). */
export type { RedactionKind }

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

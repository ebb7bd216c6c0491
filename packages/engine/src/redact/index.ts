/** Redaction: masks passwords, keys, tokens, cards, IBANs (and e-mails on request) in text and JSON. */
export { redactText } from './redact-text.ts'
export type { RedactedText } from './redact-text.ts'
export { redactValue } from './redact-value.ts'
export type { RedactedValue } from './redact-value.ts'
export type { RedactionCount, RedactionKind, RedactOptions } from './types.ts'

import type { DiagnosticAnswer } from '@triage/protocol'

/**
 * The comparable form of an answer: booleans become `'yes'`/`'no'` so a client sending `true` and
 * one sending `'yes'` meet the same conditions and signals.
 */
export function answerValue(answer: DiagnosticAnswer | undefined): string | undefined {
  if (answer === undefined) return undefined
  if (typeof answer === 'boolean') return answer ? 'yes' : 'no'
  return String(answer)
}

/** Whether an answer is one of the expected values (`equals` may be one value or a list). */
export function answerEquals(answer: DiagnosticAnswer | undefined, equals: string | readonly string[]): boolean {
  const value = answerValue(answer)
  if (value === undefined) return false
  return typeof equals === 'string' ? value === equals : equals.includes(value)
}

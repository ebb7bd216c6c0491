import type { DiagnosticAnswer } from '@triage/protocol'
import { answerEquals, answerOf } from '@triage/protocol'
import type { LocalizedText } from '../diagnosis/types.ts'
import { foldText } from '../text.ts'
import { breachPhrases, denied } from './breach-phrases.ts'
import { breachChecklist, breachNotificationHours } from './checklist.ts'

export interface BreachInput {
  /** The symptoms. */
  text: string
  /** Milliseconds since the epoch: when the organisation became aware, which starts the 72-hour clock. */
  createdAt: number
  answers?: Readonly<Record<string, DiagnosticAnswer>>
}

export type BreachDecision =
  | { breach: false }
  | {
      breach: true
      /** Why, in words, with the phrase or answer that said so. */
      reasons: string[]
      checklist: readonly LocalizedText[]
      /** Deadline to notify the supervisory authority: `createdAt` + 72 h, ms since the epoch. */
      notifyBy: number
    }

// Diagnostic answers that mean a breach whatever the words (see diagnosis/default-trees.ts).
const breachAnswers = [
  { questionId: 'security_what', equals: ['someone_else_logged_in', 'account_changed'], reason: 'answered that the account was taken over' },
  { questionId: 'security_what', equals: ['data_exposed'], reason: 'answered that personal data is exposed' },
  { questionId: 'security_credentials_entered', equals: ['yes'], reason: 'answered that they gave their credentials to a phishing message' },
  // Activity on the account that the reporter did not do: a possible takeover, in any language (issue #14).
  { questionId: 'access_unknown_activity', equals: ['yes'], reason: 'answered that they saw account activity they did not do' },
  { questionId: 'notifications_unexpected', equals: ['yes'], reason: 'answered that they were told of a change they did not make' },
] as const

/**
 * Whether a report suggests a personal-data breach (leaked data, an account taken over, "someone
 * else logged in", "piraté", "fuite de données", "usurpation"…). When it does, the caller files it
 * under security, P1, tier L3, and starts the GDPR art. 33 clock: notify within 72 hours.
 * A phrase denied in its clause ("I was not hacked") does not count.
 *
 * @example
 * detectBreach({ text: 'Mon compte a été piraté', createdAt: 0 })
 * // { breach: true, reasons: ['says the account was hacked (“pirate”)'], checklist: [...], notifyBy: 259200000 }
 */
export function detectBreach(input: BreachInput): BreachDecision {
  const reasons: string[] = []
  const add = (reason: string) => {
    if (!reasons.includes(reason)) reasons.push(reason)
  }

  const text = foldText(input.text).replace(/[’‘`]/g, "'")
  for (const clause of text.split(/[.,;:!?\n()]+/)) {
    for (const { pattern, reason } of breachPhrases) {
      const match = pattern.exec(clause)
      if (!match || denied(clause.slice(0, match.index))) continue
      add(`${reason} (“${match[0].trim()}”)`)
    }
  }
  for (const rule of breachAnswers) {
    if (answerEquals(answerOf(input.answers ?? {}, rule.questionId), rule.equals)) add(rule.reason)
  }

  if (reasons.length === 0) return { breach: false }
  return { breach: true, reasons, checklist: breachChecklist, notifyBy: input.createdAt + breachNotificationHours * 3_600_000 }
}

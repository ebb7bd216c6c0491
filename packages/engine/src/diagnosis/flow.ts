import type { DiagnosticAnswer } from '@triage/protocol'
import { answerOf, visibleQuestions } from '@triage/protocol'
import type { DiagnosticAnswers, QuestionCondition } from './types.ts'

/** The questions, with their conditions, are the wire contract's: one definition of which are asked. */
export { visibleQuestions }

/** Anything with ordered questions that may carry a condition: a {@link QuestionTree} or a localized one. */
export interface QuestionList<Q extends { id: string; showIf?: QuestionCondition }> {
  questions: readonly Q[]
}

/**
 * The first visible question without an answer, or `null` when the reporter is done.
 * A question counts as answered once its id is in `answers`, even with `''` (a skipped text).
 *
 * @example
 * nextQuestion(tree, {})?.id // 'impact'
 */
export function nextQuestion<Q extends { id: string; showIf?: QuestionCondition }>(tree: QuestionList<Q>, answers: DiagnosticAnswers = {}): Q | null {
  return visibleQuestions(tree.questions, answers).find((question) => answerOf(answers, question.id) === undefined) ?? null
}

/** Only the answers to visible questions: what to store and triage on once the reporter is done. */
export function visibleAnswers<Q extends { id: string; showIf?: QuestionCondition }>(tree: QuestionList<Q>, answers: DiagnosticAnswers): Record<string, DiagnosticAnswer> {
  const kept: Record<string, DiagnosticAnswer> = {}
  for (const question of visibleQuestions(tree.questions, answers)) {
    const answer = answerOf(answers, question.id)
    if (answer !== undefined) kept[question.id] = answer
  }
  return kept
}

import type { DiagnosticAnswer } from '@triage/protocol'
import { answerEquals } from './answer-value.ts'
import type { DiagnosticAnswers, QuestionCondition } from './types.ts'

/** Anything with ordered questions that may carry a condition: a {@link QuestionTree} or a localized one. */
export interface QuestionList<Q extends { id: string; showIf?: QuestionCondition }> {
  questions: readonly Q[]
}

/**
 * The questions to show given the answers so far, in order. A question whose condition points to a
 * hidden question is hidden too, so a stale answer left behind by a changed choice opens nothing.
 *
 * @example
 * visibleQuestions(tree, { notifications_channel: 'email' }).map((q) => q.id)
 * // [..., 'notifications_channel', 'notifications_spam_checked', ...]
 */
export function visibleQuestions<Q extends { id: string; showIf?: QuestionCondition }>(tree: QuestionList<Q>, answers: DiagnosticAnswers = {}): Q[] {
  const shown = new Set<string>()
  const visible: Q[] = []
  for (const question of tree.questions) {
    const condition = question.showIf
    if (condition && !(shown.has(condition.questionId) && answerEquals(answerOf(answers, condition.questionId), condition.equals))) continue
    shown.add(question.id)
    visible.push(question)
  }
  return visible
}

/**
 * The first visible question without an answer, or `null` when the reporter is done.
 * A question counts as answered once its id is in `answers`, even with `''` (a skipped text).
 *
 * @example
 * nextQuestion(tree, {})?.id // 'impact'
 */
export function nextQuestion<Q extends { id: string; showIf?: QuestionCondition }>(tree: QuestionList<Q>, answers: DiagnosticAnswers = {}): Q | null {
  return visibleQuestions(tree, answers).find((question) => answerOf(answers, question.id) === undefined) ?? null
}

/** Only the answers to visible questions: what to store and triage on once the reporter is done. */
export function visibleAnswers<Q extends { id: string; showIf?: QuestionCondition }>(
  tree: QuestionList<Q>,
  answers: DiagnosticAnswers,
): Record<string, DiagnosticAnswer> {
  const kept: Record<string, DiagnosticAnswer> = {}
  for (const question of visibleQuestions(tree, answers)) {
    const answer = answerOf(answers, question.id)
    if (answer !== undefined) kept[question.id] = answer
  }
  return kept
}

/** Own properties only: an answer keyed `constructor` or `__proto__` must not read Object.prototype. */
export function answerOf(answers: DiagnosticAnswers, questionId: string): DiagnosticAnswer | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined
}

import type { DiagnosticAnswer } from './report.ts'

/** Anything with an id that may carry a condition: a wire question, or the engine's own. */
export interface ConditionalQuestion {
  id: string
  showIf?: { questionId: string; equals: string | readonly string[] } | undefined
}

/** Own properties only: an answer keyed `constructor` or `__proto__` must not read Object.prototype. */
export const answerOf = (answers: Readonly<Record<string, DiagnosticAnswer>>, questionId: string): DiagnosticAnswer | undefined =>
  Object.hasOwn(answers, questionId) ? answers[questionId] : undefined

/**
 * The comparable form of an answer: booleans become `'yes'`/`'no'` so a client sending `true` and
 * one sending `'yes'` meet the same conditions and signals.
 */
export const answerValue = (answer: DiagnosticAnswer | undefined): string | undefined => (answer === true ? 'yes' : answer === false ? 'no' : answer?.toString())

/** Whether an answer is one of the expected values (`equals` may be one value or a list). */
export const answerEquals = (answer: DiagnosticAnswer | undefined, equals: string | readonly string[]): boolean =>
  answer !== undefined && [equals].flat().includes(answerValue(answer) as string)

/**
 * The questions to show given the answers so far, in order: a question with `showIf` only when
 * the question it points to is shown and answered as it says. So a chain holds: a question whose
 * condition points to a hidden one is hidden too, and a stale answer left behind by a changed
 * choice opens nothing. With `undecided`, also the questions whose condition is not answered yet:
 * all that may still be asked, so a count of questions never has to grow. The server (engine) and
 * the widget both ask with this one definition.
 * @example
 * visibleQuestions(questions, { notifications_channel: 'email' }).map((q) => q.id)
 * // [..., 'notifications_channel', 'notifications_spam_checked', ...]
 */
export function visibleQuestions<Q extends ConditionalQuestion>(questions: readonly Q[], answers: Readonly<Record<string, DiagnosticAnswer>> = {}, undecided = false): Q[] {
  const shown = new Set<string>()
  return questions.filter(
    ({ id, showIf }) =>
      // Shown when unconditional, or its question is shown and answered so (or, `undecided`, not yet);
      // then remembered as shown, for the questions that depend on it.
      (!showIf ||
        (shown.has(showIf.questionId) && (answerOf(answers, showIf.questionId) === undefined ? undecided : answerEquals(answerOf(answers, showIf.questionId), showIf.equals)))) &&
      !!shown.add(id),
  )
}

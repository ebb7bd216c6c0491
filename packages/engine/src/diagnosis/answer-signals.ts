import { defaultQuestionTrees } from './default-trees.ts'
import { answerEquals, answerOf } from '@triage/protocol'
import type { DiagnosticAnswers, QuestionTree } from './types.ts'

/** A hint from one answer toward a category, in the shape categorization weighs. */
export interface AnswerSignal {
  categoryId: string
  why: string
}

export interface AnswerSignalsOptions {
  /** An app's own trees; defaults to {@link defaultQuestionTrees}. */
  trees?: readonly QuestionTree[]
}

/**
 * What the answers say about the category, from the `signals` rules of the trees' questions, e.g.
 * `security_what: 'someone_else_logged_in'` → security. One signal per category and reason, in tree order.
 *
 * @example
 * answerSignals({ access_unknown_activity: 'yes' })
 * // [{ categoryId: 'security', why: 'the reporter saw account activity they did not do' }]
 */
export function answerSignals(answers: DiagnosticAnswers, options: AnswerSignalsOptions = {}): AnswerSignal[] {
  const trees = options.trees ?? defaultQuestionTrees
  const signals: AnswerSignal[] = []
  const seen = new Set<string>()
  for (const tree of trees) {
    for (const question of tree.questions) {
      const answer = answerOf(answers, question.id)
      if (answer === undefined) continue
      for (const rule of question.signals ?? []) {
        const key = `${rule.categoryId}\u0000${rule.why}`
        if (seen.has(key) || !answerEquals(answer, rule.equals)) continue
        seen.add(key)
        signals.push({ categoryId: rule.categoryId, why: rule.why })
      }
    }
  }
  return signals
}

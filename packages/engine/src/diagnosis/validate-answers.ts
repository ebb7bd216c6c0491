import type { DiagnosticAnswer } from '@triage/protocol'
import type { DiagnosticAnswers, Question, QuestionTree } from './types.ts'
import { shortTextMaxLength } from './types.ts'

export type AnswerProblemCode = 'unknown_question' | 'option_not_allowed' | 'wrong_type' | 'too_long'

/** One wrong answer, shaped for a 422 problem's `errors` list (`path` + `message`). */
export interface AnswerProblem {
  /** Where it is in a report body, e.g. `answers.impact`. */
  path: string
  questionId: string
  code: AnswerProblemCode
  /** What is wrong and what to send instead. */
  message: string
}

/**
 * Every problem with a reporter's answers against a tree: unknown question ids, options the question
 * does not offer, values of the wrong type, texts over their length. Empty when all is well.
 * Answers to questions currently hidden by a condition are not problems (a changed choice leaves them);
 * drop them with {@link visibleAnswers}.
 *
 * @example
 * validateAnswers(treeFor('bug'), { impact: 'galaxy' })
 * // [{ path: 'answers.impact', code: 'option_not_allowed', message: 'must be one of “me”, “team”, “everyone”', … }]
 */
export function validateAnswers(tree: QuestionTree, answers: DiagnosticAnswers): AnswerProblem[] {
  const byId = new Map(tree.questions.map((question) => [question.id, question]))
  const problems: AnswerProblem[] = []
  for (const [questionId, answer] of Object.entries(answers)) {
    const question = byId.get(questionId)
    const problem = question
      ? answerProblem(question, answer)
      : { code: 'unknown_question' as const, message: `is not a question for ${tree.categoryId}; ask questionsFor('${tree.categoryId}') for the ids` }
    if (problem) problems.push({ path: `answers.${questionId}`, questionId, ...problem })
  }
  return problems
}

function answerProblem(question: Question, answer: DiagnosticAnswer): Pick<AnswerProblem, 'code' | 'message'> | undefined {
  switch (question.kind) {
    case 'choice': {
      if (typeof answer !== 'string') return { code: 'wrong_type', message: `must be a string, one of ${quoted(question.options.map((option) => option.id))}` }
      if (!question.options.some((option) => option.id === answer))
        return { code: 'option_not_allowed', message: `must be one of ${quoted(question.options.map((option) => option.id))}` }
      return undefined
    }
    case 'yes_no': {
      if (typeof answer === 'boolean') return undefined
      if (typeof answer !== 'string') return { code: 'wrong_type', message: 'must be “yes” or “no”' }
      if (answer !== 'yes' && answer !== 'no') return { code: 'option_not_allowed', message: 'must be “yes” or “no”' }
      return undefined
    }
    case 'short_text': {
      if (typeof answer === 'boolean') return { code: 'wrong_type', message: 'must be a text' }
      const max = question.maxLength ?? shortTextMaxLength
      if (String(answer).length > max) return { code: 'too_long', message: `must be at most ${max} characters` }
      return undefined
    }
  }
}

const quoted = (values: readonly string[]) => values.map((value) => `“${value}”`).join(', ')

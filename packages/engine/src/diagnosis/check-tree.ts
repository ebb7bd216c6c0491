import { impactQuestionId, workaroundQuestionId } from '../prioritize.ts'
import type { Question, QuestionTree } from './types.ts'

/**
 * Mistakes in a tree an app supplies, in words; empty when it is sound. Checks unique question and
 * option ids, that a condition points to an earlier question and to an answer it can have, and that
 * the tree asks the two questions priority reads (`impact`, `workaround`).
 *
 * @example
 * checkTree({ categoryId: 'x', questions: [] })
 * // ['asks no “impact” question: priority cannot tell who is affected', …]
 */
export function checkTree(tree: QuestionTree): string[] {
  const mistakes: string[] = []
  const earlier = new Map<string, Question>()
  for (const question of tree.questions) {
    if (earlier.has(question.id)) mistakes.push(`question “${question.id}” appears twice`)
    if (question.kind === 'choice') {
      if (question.options.length === 0) mistakes.push(`choice “${question.id}” has no options`)
      const ids = question.options.map((option) => option.id)
      for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) mistakes.push(`choice “${question.id}” offers “${id}” twice`)
    }
    const condition = question.showIf
    if (condition) {
      const target = earlier.get(condition.questionId)
      if (!target) mistakes.push(`“${question.id}” depends on “${condition.questionId}”, which is not an earlier question`)
      else {
        const allowed = possibleAnswers(target)
        const expected = typeof condition.equals === 'string' ? [condition.equals] : condition.equals
        for (const value of expected) {
          if (allowed && !allowed.includes(value)) mistakes.push(`“${question.id}” waits for “${condition.questionId}” = “${value}”, which it cannot be`)
        }
      }
    }
    for (const signal of question.signals ?? []) {
      const allowed = possibleAnswers(question)
      const expected = typeof signal.equals === 'string' ? [signal.equals] : signal.equals
      for (const value of expected) {
        if (allowed && !allowed.includes(value)) mistakes.push(`a signal of “${question.id}” waits for “${value}”, which it cannot be`)
      }
    }
    earlier.set(question.id, question)
  }
  const impact = earlier.get(impactQuestionId)
  if (!impact) mistakes.push(`asks no “${impactQuestionId}” question: priority cannot tell who is affected`)
  else if (impact.kind !== 'choice' || ['me', 'team', 'everyone'].some((id) => !impact.options.some((option) => option.id === id))) {
    mistakes.push(`“${impactQuestionId}” must be a choice of “me”, “team”, “everyone”`)
  }
  const workaround = earlier.get(workaroundQuestionId)
  if (!workaround) mistakes.push(`asks no “${workaroundQuestionId}” question: priority cannot tell how urgent it is`)
  else if (workaround.kind !== 'yes_no') mistakes.push(`“${workaroundQuestionId}” must be a yes/no question`)
  return mistakes
}

/** The answers a question can take, or `undefined` for free text. */
function possibleAnswers(question: Question): string[] | undefined {
  if (question.kind === 'choice') return question.options.map((option) => option.id)
  if (question.kind === 'yes_no') return ['yes', 'no']
  return undefined
}

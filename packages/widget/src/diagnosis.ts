import type { DiagnosticQuestion } from '@triage/sdk'

/** Suggestions wait for a few words: fewer say too little to match anything. */
export const minWords = 3

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length

/**
 * The questions to ask given the answers so far: a question with `showIf` only when its condition
 * holds. With `undecided`, also those whose condition is not answered yet: what may still come,
 * so a question count never has to grow.
 */
export function visibleQuestions(questions: readonly DiagnosticQuestion[], answers: Readonly<Record<string, string>>, undecided?: boolean): DiagnosticQuestion[] {
  // `equals` is one answer or a list of them.
  return questions.filter(({ showIf }) => !showIf || (undecided && answers[showIf.questionId] === undefined) || [showIf.equals].flat().some((allowed) => allowed === answers[showIf.questionId]))
}

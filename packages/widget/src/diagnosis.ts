import type { DiagnosticQuestion } from '@triage/sdk'

/** Suggestions wait for a few words: fewer say too little to match anything. */
export const minWords = 3

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length

/** The questions to ask given the answers so far: a question with `showIf` only when its condition holds. */
export function visibleQuestions(questions: readonly DiagnosticQuestion[], answers: Readonly<Record<string, string>>): DiagnosticQuestion[] {
  return questions.filter(({ showIf }) => {
    if (!showIf) return true
    const allowed = typeof showIf.equals === 'string' ? [showIf.equals] : showIf.equals
    const answer = answers[showIf.questionId]
    return answer !== undefined && allowed.indexOf(answer) >= 0
  })
}

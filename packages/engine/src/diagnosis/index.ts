/**
 * Guided diagnosis: per-category questions (EN/FR) with conditions, their validation, and the
 * category signals answers carry.
 */
export { answerDetails } from './answer-details.ts'
export type { AnswerDetailsOptions } from './answer-details.ts'
export { answerSignals } from './answer-signals.ts'
export type { AnswerSignal, AnswerSignalsOptions } from './answer-signals.ts'
export { checkTree } from './check-tree.ts'
export { commonQuestions } from './common-questions.ts'
export { defaultQuestionTrees } from './default-trees.ts'
export { nextQuestion, visibleAnswers, visibleQuestions } from './flow.ts'
export type { QuestionList } from './flow.ts'
export { questionsFor, treeFor } from './localize.ts'
export type { QuestionsForOptions } from './localize.ts'
export type {
  AnswerSignalRule,
  ChoiceOption,
  ChoiceQuestion,
  DiagnosticAnswers,
  Locale,
  LocalizedQuestion,
  LocalizedQuestionTree,
  LocalizedText,
  Question,
  QuestionCondition,
  QuestionTree,
  ShortTextQuestion,
  YesNoQuestion,
} from './types.ts'
export { validateAnswers } from './validate-answers.ts'
export type { AnswerProblem, AnswerProblemCode } from './validate-answers.ts'

import type { DiagnosticAnswer } from '@triage/protocol'

/** The languages every built-in string ships in. */
export type Locale = 'en' | 'fr'

/** One string in every supported language. */
export interface LocalizedText {
  en: string
  fr: string
}

/** Show a question only when an earlier one got one of these answers (`'yes'`/`'no'` for yes/no). */
export interface QuestionCondition {
  questionId: string
  /** One answer, or a list meaning "any of these". */
  equals: string | readonly string[]
}

/** An answer that points the categorization somewhere, e.g. "someone else logged in" → security. */
export interface AnswerSignalRule {
  /** The answer (an option id, `'yes'` or `'no'`) that raises the signal; a list means any of them. */
  equals: string | readonly string[]
  categoryId: string
  /** Why, in words, for the incident's reasons. */
  why: string
}

export interface ChoiceOption {
  /** The stored answer value, stable across languages. */
  id: string
  label: LocalizedText
}

interface QuestionBase {
  /** Unique within the tree; the key in `answers`. */
  id: string
  text: LocalizedText
  showIf?: QuestionCondition
  signals?: readonly AnswerSignalRule[]
}

export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice'
  options: readonly ChoiceOption[]
}

/** Answered `'yes'` or `'no'` (`true`/`false` read the same). */
export interface YesNoQuestion extends QuestionBase {
  kind: 'yes_no'
}

export interface ShortTextQuestion extends QuestionBase {
  kind: 'short_text'
  /** Characters; defaults to {@link shortTextMaxLength}. */
  maxLength?: number
}

export type Question = ChoiceQuestion | YesNoQuestion | ShortTextQuestion

/** The guided questions asked for one category, in the order they are asked. */
export interface QuestionTree {
  categoryId: string
  questions: readonly Question[]
}

/** A question in one language, as a widget shows it. Yes/no questions carry their two options. */
export interface LocalizedQuestion {
  id: string
  kind: Question['kind']
  text: string
  /** Choice and yes/no questions: the allowed answers with their labels. */
  options?: { id: string; label: string }[]
  /** Short-text questions: the most characters accepted. */
  maxLength?: number
  showIf?: QuestionCondition
}

export interface LocalizedQuestionTree {
  categoryId: string
  locale: Locale
  questions: LocalizedQuestion[]
}

/** Reporter's answers: question id → answer. */
export type DiagnosticAnswers = Readonly<Record<string, DiagnosticAnswer>>

/** Same as `limits.answerTextChars` in `@triage/protocol` (pinned by a test; the engine imports protocol types only). */
export const shortTextMaxLength = 2_000

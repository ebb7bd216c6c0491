import { commonQuestions } from './common-questions.ts'
import { defaultQuestionTrees } from './default-trees.ts'
import type { LocalizedQuestion, LocalizedQuestionTree, Locale, Question, QuestionTree } from './types.ts'
import { shortTextMaxLength } from './types.ts'

export interface QuestionsForOptions {
  /** Language of the texts and labels; defaults to `'en'`. */
  locale?: Locale
  /** An app's own trees; defaults to {@link defaultQuestionTrees}. */
  trees?: readonly QuestionTree[]
}

export const yesNoLabels = {
  yes: { en: 'Yes', fr: 'Oui' },
  no: { en: 'No', fr: 'Non' },
} as const

/**
 * The tree for a category: the app's or the default one; for a category without a tree, the common
 * questions alone (who is affected, is there a workaround), which priority always needs.
 */
export function treeFor(categoryId: string, trees: readonly QuestionTree[] = defaultQuestionTrees): QuestionTree {
  return trees.find((tree) => tree.categoryId === categoryId) ?? { categoryId, questions: commonQuestions }
}

/**
 * The diagnostic questions of a category in one language, conditions kept so a client can call
 * {@link visibleQuestions} / {@link nextQuestion} on the result.
 *
 * @param categoryId a category id of the taxonomy, e.g. `'security'`
 * @example
 * questionsFor('security', { locale: 'fr' }).questions[0]?.text // 'Qui est touché ?'
 */
export function questionsFor(categoryId: string, options: QuestionsForOptions = {}): LocalizedQuestionTree {
  const opts = { locale: options.locale ?? 'en', trees: options.trees ?? defaultQuestionTrees } satisfies Required<QuestionsForOptions>
  const tree = treeFor(categoryId, opts.trees)
  return { categoryId, locale: opts.locale, questions: tree.questions.map((question) => localize(question, opts.locale)) }
}

function localize(question: Question, locale: Locale): LocalizedQuestion {
  const localized: LocalizedQuestion = { id: question.id, kind: question.kind, text: question.text[locale] }
  if (question.showIf) localized.showIf = question.showIf
  if (question.kind === 'choice') localized.options = question.options.map((option) => ({ id: option.id, label: option.label[locale] }))
  if (question.kind === 'yes_no') {
    localized.options = [
      { id: 'yes', label: yesNoLabels.yes[locale] },
      { id: 'no', label: yesNoLabels.no[locale] },
    ]
  }
  if (question.kind === 'short_text') localized.maxLength = question.maxLength ?? shortTextMaxLength
  return localized
}

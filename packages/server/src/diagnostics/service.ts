import type { DiagnosticQuestion, DiagnosticsResult } from '@triage/protocol'
import { defaultTaxonomy, guessCategory, languageOf, questionsFor } from '@triage/engine'
import { classifierFor } from '../learning/classifiers.ts'
import type { ServiceContext } from '../domain/context.ts'
import { similarIndexFor } from '../similar/app-index.ts'

export interface DiagnosticsQuery {
  symptoms: string
  locale?: string
  /** The category the reporter picked instead of the guessed one. */
  category?: string
}

/**
 * Guided diagnosis before a report is sent: the likely category (or the one picked), its
 * questions in the reporter's language, and resolved incidents of the same app whose public
 * note may fix the problem at once — only what agents wrote for reporters is shown, and never
 * from a security incident.
 */
export async function diagnose(context: ServiceContext, appId: string, query: DiagnosticsQuery): Promise<DiagnosticsResult> {
  const locale = languageOf(query.locale)
  const picked = defaultTaxonomy.find((category) => category.id === query.category)
  // The same reading as the ticket's triage (the app's trained classifier), so the category the
  // widget pre-selects is the one the engine would file.
  const guess = picked ? { value: picked.id, confidence: 1 } : guessCategory(query.symptoms, { classifier: await classifierFor(context, appId) })
  const label = (id: string) => defaultTaxonomy.find((category) => category.id === id)?.label[locale] ?? id.replace(/_/g, ' ')

  const questions: DiagnosticQuestion[] = questionsFor(guess.value, { locale }).questions.map((question) => {
    const wire: DiagnosticQuestion = { id: question.id, kind: question.kind, text: question.text }
    if (question.options) wire.options = question.options.map((option) => ({ value: option.id, label: option.label }))
    if (question.maxLength !== undefined) wire.maxLength = question.maxLength
    if (question.showIf)
      wire.showIf = { questionId: question.showIf.questionId, equals: typeof question.showIf.equals === 'string' ? question.showIf.equals : [...question.showIf.equals] }
    return wire
  })

  // A security incident's note was written for the one reporter whose account or data it was about.
  const { index, details } = await similarIndexFor(context, appId)
  const accept = (id: string) => details.get(id)?.category !== 'security'
  const similar = index.search(query.symptoms, { limit: 3, onlyPublic: true, accept }).map((match) => ({
    number: match.number,
    publicNote: match.publicResolution ?? '',
    score: Math.round(match.score * 1000) / 1000,
  }))

  return {
    category: { value: guess.value, label: label(guess.value), confidence: guess.confidence },
    categories: defaultTaxonomy.map((category) => ({ value: category.id, label: category.label[locale] })),
    questions,
    similar,
  }
}

import type { ReportContext } from '@triage/protocol'
import type { Category } from './taxonomy.ts'
import { defaultTaxonomy, fallbackCategoryId } from './taxonomy.ts'
import { foldText } from './text.ts'

export interface CategoryDecision {
  value: string
  /** 0..1: share of the evidence that points to the winning category. */
  confidence: number
  reasons: string[]
}

/**
 * Pick a category from the symptoms, weighted by structured signals the SDK captured
 * (an uncaught error points to a crash, HTTP 5xx to an outage).
 */
export function categorize(
  symptoms: string,
  context: ReportContext | undefined,
  taxonomy: Category[] = defaultTaxonomy,
  /** More evidence, e.g. from the diagnostic answers (`answerSignals`). */
  extraSignals: ContextSignal[] = [],
): CategoryDecision {
  const text = ` ${foldText(symptoms).replace(/[^a-z0-9' -]+/g, ' ')} `
  const scores = new Map<string, number>()
  const evidence = new Map<string, string[]>()
  const add = (id: string, weight: number, why: string) => {
    scores.set(id, (scores.get(id) ?? 0) + weight)
    evidence.set(id, [...(evidence.get(id) ?? []), why])
  }

  for (const category of taxonomy) {
    for (const keyword of category.keywords) {
      if (text.includes(` ${keyword}`)) add(category.id, (keyword.includes(' ') ? 2 : 1) * (category.weight ?? 1), `mentions “${keyword}”`)
    }
  }
  for (const signal of [...contextSignals(context), ...extraSignals]) {
    if (taxonomy.some((category) => category.id === signal.categoryId)) add(signal.categoryId, 2, signal.why)
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1])
  const best = ranked[0]
  if (!best) {
    const fallback = taxonomy.some((category) => category.id === fallbackCategoryId) ? fallbackCategoryId : (taxonomy[0]?.id ?? fallbackCategoryId)
    return { value: fallback, confidence: 0, reasons: ['no known words or signals; filed under the default category'] }
  }
  const total = ranked.reduce((sum, [, score]) => sum + score, 0)
  return {
    value: best[0],
    confidence: Math.round((best[1] / total) * 100) / 100,
    reasons: evidence.get(best[0]) ?? [],
  }
}

export interface ContextSignal {
  categoryId: string
  why: string
}

export function contextSignals(context: ReportContext | undefined): ContextSignal[] {
  const signals: ContextSignal[] = []
  for (const crumb of context?.breadcrumbs ?? []) {
    if (crumb.type === 'error') signals.push({ categoryId: 'bug', why: 'an uncaught error was captured on the page' })
    const status = crumb.type === 'http' ? Number(crumb.data?.['status']) : NaN
    if (status >= 500) signals.push({ categoryId: 'connectivity', why: `a request failed with HTTP ${status}` })
  }
  return signals
}

/** A trained text classifier as categorization needs it (see classifier/). */
export interface TextClassifier {
  predict(text: string): { label: string; confidence: number; scores: { label: string; probability: number }[]; reasons: string[] }
}

/** How much one structured signal (a captured error, an answer) adds to a category's probability. */
const signalWeight = 0.25

/**
 * The classifier's reading of the symptoms, weighed with the structured signals: each signal adds
 * to its category's probability, so a captured HTTP 5xx or a telling answer can tip a close call.
 */
export function categorizeWithClassifier(symptoms: string, classifier: TextClassifier, signals: ContextSignal[]): CategoryDecision {
  const prediction = classifier.predict(symptoms)
  const scores = new Map(prediction.scores.map((score) => [score.label, score.probability]))
  for (const signal of signals) scores.set(signal.categoryId, (scores.get(signal.categoryId) ?? 0) + signalWeight)
  const [best] = [...scores.entries()].sort((a, b) => b[1] - a[1])
  const value = best?.[0] ?? prediction.label
  const reasons = [...(value === prediction.label ? prediction.reasons : []), ...signals.filter((signal) => signal.categoryId === value).map((signal) => signal.why)]
  return {
    value,
    confidence: Math.round(Math.min(1, best?.[1] ?? prediction.confidence) * 100) / 100,
    reasons: reasons.length ? reasons : ['closest to the examples of this category'],
  }
}

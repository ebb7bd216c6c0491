import type { DiagnosticAnswer, Reasoning, ReportContext } from '@triage/protocol'
import { detectBreach } from './breach/index.ts'
import type { TextClassifier } from './categorize.ts'
import { categorize, categorizeWithClassifier, contextSignals } from './categorize.ts'
import { answerSignals } from './diagnosis/index.ts'
import { identify } from './identify.ts'
import { prioritize } from './prioritize.ts'
import { route } from './route.ts'
import type { Category } from './taxonomy.ts'
import { defaultTaxonomy } from './taxonomy.ts'

export interface TriageInput {
  symptoms: string
  answers?: Record<string, DiagnosticAnswer>
  context?: ReportContext
  /** A category the reporter picked; taken when it exists in the taxonomy. */
  category?: string
  /** When the report arrived (ms since the epoch): starts a breach's 72-hour clock. Default: now. */
  createdAt?: number
}

export interface TriageOptions {
  taxonomy?: Category[]
  /** The app's trained classifier (`seedClassifier()` or one restored from storage); without it, keywords decide. */
  classifier?: TextClassifier
}

/**
 * Every first-line decision for one report, each with its reasons: kind, category,
 * priority (impact × urgency) and tier.
 *
 * @example
 * const reasoning = triage({ symptoms: 'I cannot log in, password reset fails' })
 * reasoning.category.value // 'access'
 */
export function triage(input: TriageInput, options: TriageOptions = {}): Reasoning {
  const taxonomy = options.taxonomy ?? defaultTaxonomy
  const kind = identify(input.symptoms)
  const breach = detectBreach({ text: input.symptoms, createdAt: input.createdAt ?? Date.now(), answers: input.answers ?? {} })
  if (breach.breach && taxonomy.some((category) => category.id === 'security')) {
    // A possible breach is a P1 for senior hands whatever else was said: the 72-hour clock runs.
    return {
      kind: { value: 'incident', confidence: 1, reasons: ['a possible data breach is an incident'] },
      category: { value: 'security', confidence: 1, reasons: breach.reasons },
      priority: { value: 'P1', impact: 'high', urgency: 'high', reasons: ['a possible personal-data breach: notify within 72 hours'] },
      tier: { value: 'L3', reasons: ['possible breaches go straight to L3'] },
      breach: { notifyBy: new Date(breach.notifyBy).toISOString(), reasons: breach.reasons, checklist: breach.checklist.map((step) => ({ ...step })) },
    }
  }
  const picked = input.category && taxonomy.some((category) => category.id === input.category)
  const category = picked
    ? { value: input.category as string, confidence: 1, reasons: ['picked by the reporter'] }
    : options.classifier
      ? categorizeWithClassifier(input.symptoms, options.classifier, [...contextSignals(input.context), ...answerSignals(input.answers ?? {})])
      : categorize(input.symptoms, input.context, taxonomy, answerSignals(input.answers ?? {}))
  const priority = prioritize(category.value, input.answers)
  const tier = route(category.value, priority.value)
  return { kind, category, priority, tier }
}

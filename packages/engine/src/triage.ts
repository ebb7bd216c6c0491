import type { DiagnosticAnswer, Reasoning, ReportContext } from '@triage/protocol'
import { categorize } from './categorize.ts'
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
}

export interface TriageOptions {
  taxonomy?: Category[]
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
  const picked = input.category && taxonomy.some((category) => category.id === input.category)
  const category = picked
    ? { value: input.category as string, confidence: 1, reasons: ['picked by the reporter'] }
    : categorize(input.symptoms, input.context, taxonomy)
  const priority = prioritize(category.value, input.answers)
  const tier = route(category.value, priority.value)
  return { kind, category, priority, tier }
}

import type { DiagnosticAnswer, Reasoning, ReportContext } from '@triage/protocol'
import { detectBreach } from './breach/index.ts'
import type { CategoryDecision, TextClassifier } from './categorize.ts'
import { categorize, categorizeWithClassifier, contextSignals } from './categorize.ts'
import type { AnswerSignal } from './diagnosis/index.ts'
import { answerSignals } from './diagnosis/index.ts'
import { identify } from './identify.ts'
import type { PriorityDecision } from './prioritize.ts'
import { prioritize, priorityOf } from './prioritize.ts'
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
  const answers = input.answers ?? {}
  const signals = answerSignals(answers)
  const guess = guessCategory(input.symptoms, { ...options, taxonomy, context: input.context, answers })
  const picked = input.category !== undefined && taxonomy.some((category) => category.id === input.category) ? input.category : undefined
  const breach = detectBreach({ text: input.symptoms, createdAt: input.createdAt ?? Date.now(), answers })
  if (breach.breach && taxonomy.some((category) => category.id === 'security')) {
    // A possible breach is a P1 for senior hands whatever else was said (the reporter's pick
    // included): the 72-hour clock runs.
    const overruled = picked && picked !== 'security' ? [`the reporter chose ${picked}; a possible breach is filed under security`] : []
    return {
      kind: { value: 'incident', confidence: 1, reasons: ['a possible data breach is an incident'] },
      category: { value: 'security', confidence: 1, reasons: [...breach.reasons, ...overruled] },
      priority: { value: 'P1', impact: 'high', urgency: 'high', reasons: ['a possible personal-data breach: notify within 72 hours'] },
      tier: { value: 'L3', reasons: ['possible breaches go straight to L3'] },
      breach: { notifyBy: new Date(breach.notifyBy).toISOString(), reasons: breach.reasons, checklist: breach.checklist.map((step) => ({ ...step })) },
    }
  }
  // The reporter's explicit choice is the category; the engine's own reading stays beside it.
  const category: Reasoning['category'] = picked
    ? {
        value: picked,
        confidence: 1,
        reasons: ['picked by the reporter', `the engine read ${guess.value} (confidence ${guess.confidence})`],
        guess: { value: guess.value, confidence: guess.confidence },
      }
    : guess
  const priority = raiseForSecurity(prioritize(category.value, answers), signals)
  const tier = route(category.value, priority.value)
  return { kind, category, priority, tier }
}

export interface GuessOptions extends TriageOptions {
  context?: ReportContext | undefined
  answers?: Record<string, DiagnosticAnswer>
}

/**
 * The engine's reading of the category: the app's classifier when given (else keywords), weighed
 * with what the page captured and what the answers say. The widget's pre-selection (diagnostics)
 * and the ticket's triage both come through here, so they agree.
 */
export function guessCategory(symptoms: string, options: GuessOptions = {}): CategoryDecision {
  const signals = answerSignals(options.answers ?? {})
  return options.classifier
    ? categorizeWithClassifier(symptoms, options.classifier, [...contextSignals(options.context), ...signals])
    : categorize(symptoms, options.context, options.taxonomy ?? defaultTaxonomy, signals)
}

/** An answer that points to security (someone else may be in the account) cannot wait, whatever the category. */
function raiseForSecurity(priority: PriorityDecision, signals: AnswerSignal[]): PriorityDecision {
  const security = signals.find((signal) => signal.categoryId === 'security')
  if (!security || priority.urgency === 'high') return priority
  const reasons = [...priority.reasons.filter((reason) => !reason.startsWith('urgency')), `urgency high: ${security.why}`]
  return { value: priorityOf(priority.impact, 'high'), impact: priority.impact, urgency: 'high', reasons }
}

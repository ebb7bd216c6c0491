import type { DiagnosticAnswer, Level, Priority } from '@triage/protocol'

/**
 * ITIL impact × urgency matrix (rows: impact, columns: urgency).
 * @see docs/design.md "Priority: impact × urgency (ITIL)"
 */
const matrix: Record<Level, Record<Level, Priority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P3' },
  low: { high: 'P3', medium: 'P3', low: 'P4' },
}

export function priorityOf(impact: Level, urgency: Level): Priority {
  return matrix[impact][urgency]
}

export interface PriorityDecision {
  value: Priority
  impact: Level
  urgency: Level
  reasons: string[]
}

/** Well-known diagnostic question ids the engine reads (the widget asks them). */
export const impactQuestionId = 'impact'
export const workaroundQuestionId = 'workaround'

const impactByAnswer: Record<string, Level> = { everyone: 'high', team: 'medium', me: 'low' }
const urgentCategories = new Set(['security', 'data_loss', 'connectivity'])
const relaxedCategories = new Set(['how_to'])

/**
 * Impact from who is affected (the `impact` answer: me / team / everyone); urgency from whether
 * the reporter can work around it (the `workaround` answer) and from the category.
 */
export function prioritize(category: string, answers: Record<string, DiagnosticAnswer> = {}): PriorityDecision {
  const reasons: string[] = []

  const affected = answers[impactQuestionId]
  let impact: Level = 'low'
  if (typeof affected === 'string' && affected in impactByAnswer) {
    impact = impactByAnswer[affected] ?? 'low'
    reasons.push(`impact ${impact}: affects ${affected === 'me' ? 'only the reporter' : affected === 'team' ? 'a team' : 'everyone'}`)
  } else {
    reasons.push('impact low: one reporter, nobody said more are affected')
  }

  let urgency: Level = 'medium'
  const workaround = answers[workaroundQuestionId]
  if (urgentCategories.has(category)) {
    urgency = 'high'
    reasons.push(`urgency high: ${category.replace('_', ' ')} cannot wait`)
  } else if (relaxedCategories.has(category)) {
    urgency = 'low'
    reasons.push('urgency low: a question or a wish, nothing is broken')
  } else if (workaround === false || workaround === 'no') {
    urgency = 'high'
    reasons.push('urgency high: the reporter has no workaround')
  } else if (workaround === true || workaround === 'yes') {
    urgency = 'low'
    reasons.push('urgency low: the reporter can work around it')
  } else {
    reasons.push('urgency medium: no word on a workaround')
  }

  return { value: priorityOf(impact, urgency), impact, urgency, reasons }
}

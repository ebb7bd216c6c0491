/**
 * What erasing a reporter's personal data leaves of an incident (issue #19, docs/privacy.md): pure
 * rules, applied by storage in one transaction per batch (storage/erasure.ts).
 *
 * Erased (each reads `[erased]`, or goes where a marker would mislead): the symptoms, the contact's
 * name (the e-mail address goes: nothing must be sent to it), the verified user id, answers written
 * in the reporter's own words, the page context (URL, referrer and user agent become the marker;
 * breadcrumbs, the signed-in user and anything an app added go), the engine's reasons that quote
 * the text, the request hash; on the timeline, the messages exchanged with the reporter (theirs and
 * the agents' public replies), the reasons the reporter gave for closing or reopening, and the
 * attachments' names and hashes (their bytes are deleted).
 *
 * Kept, so metrics and the record stay true: the number, kind, status, category, impact, urgency,
 * priority, tier, assignee, every time and SLA figure, the resolution notes and the agents'
 * internal notes, and the choices picked among a question's options.
 */
import { defaultQuestionTrees } from '@triage/engine'
import type { Question } from '@triage/engine'
import type { IncidentRow } from '../storage/incidents.ts'

/** What stands where erased text was. */
export const erasedMarker = '[erased]'

// Every question of the built-in trees by id (the same id means the same question in every tree).
const questions = new Map<string, Question>(defaultQuestionTrees.flatMap((tree) => tree.questions).map((question) => [question.id, question]))

/** Whether an answer is the reporter's own words rather than one of the question's choices. */
function isOwnWords(questionId: string, value: string | number | boolean): boolean {
  if (typeof value !== 'string') return false
  const question = questions.get(questionId)
  if (!question) return true
  if (question.kind === 'choice') return !question.options.some((option) => option.id === value)
  if (question.kind === 'yes_no') return value !== 'yes' && value !== 'no'
  return true
}

export function erasedAnswers(answers: IncidentRow['answers']): IncidentRow['answers'] {
  return Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, isOwnWords(id, value) ? erasedMarker : value]))
}

/** What the page captured and is not about the person: the app's version and environment, the language. */
const keptContext = ['locale', 'appVersion', 'environment'] as const
const markedContext = ['url', 'referrer', 'userAgent'] as const

export function erasedContext(context: IncidentRow['context']): IncidentRow['context'] {
  const out: IncidentRow['context'] = {}
  for (const key of keptContext) if (context[key] !== undefined) out[key] = context[key]
  for (const key of markedContext) if (context[key] !== undefined) out[key] = erasedMarker
  return out
}

type ReasoningDoc = { kind?: { reasons?: unknown }; category?: { reasons?: unknown }; breach?: { reasons?: unknown } }

/** The engine's decisions stay; the reasons that quote the reporter's words (kind, category, breach) go. */
export function erasedReasoning(reasoning: IncidentRow['reasoning']): IncidentRow['reasoning'] {
  const out: Record<string, unknown> & ReasoningDoc = { ...reasoning }
  for (const part of ['kind', 'category', 'breach'] as const) {
    const decision = out[part]
    if (decision && typeof decision === 'object') out[part] = { ...decision, reasons: [erasedMarker] }
  }
  return out
}

/** The personal fields of an incident once erased at `now`. */
export function anonymizedFields(row: Pick<IncidentRow, 'contactName' | 'answers' | 'context' | 'reasoning'>, now: number) {
  return {
    symptoms: erasedMarker,
    contactName: row.contactName === null ? null : erasedMarker,
    contactEmail: null,
    reporterUserId: null,
    answers: erasedAnswers(row.answers),
    context: erasedContext(row.context),
    reasoning: erasedReasoning(row.reasoning),
    requestHash: 'erased',
    erasedAt: now,
  } satisfies Partial<IncidentRow>
}

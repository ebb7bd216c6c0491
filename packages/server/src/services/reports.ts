import type { ReportCreate, ReportCreated, ReportView } from '@triage/protocol'
import { defaultQuestionTrees, redactText, redactValue, triage, validateAnswers } from '@triage/engine'
import type { AnswerProblem, Question } from '@triage/engine'
import { newId } from '../ids.ts'
import { sha256 } from '../security/crypto.ts'
import { reporterTokenFor } from '../security/keys.ts'
import type { IncidentRow } from '../storage/incidents.ts'
import { insertIncidentOnce } from '../storage/incidents.ts'
import type { PublicCaller } from '../http/env.ts'
import { groupedEvent, openGroup, planGrouping } from './grouping.ts'
import { firstEvents, newIncident } from './new-incident.ts'
import type { ServiceContext } from './context.ts'
import { authorizeReporter, reporterView } from './reporter-actions.ts'
import { ProblemError } from './context.ts'
import { toReportCreated } from './views.ts'

export interface CreatedReport {
  report: ReportCreated
  /** True when the idempotency key had already created this report. */
  replayed: boolean
}

/**
 * Logs a report as an incident: the engine triages it, storage writes it with its first events
 * in one transaction. The same idempotency key answers the same incident, never a second one.
 */
export async function createReport(
  context: ServiceContext,
  { appId, sla }: PublicCaller,
  input: ReportCreate,
  idempotencyKey: string | null,
): Promise<CreatedReport> {
  const problems = answerProblems(input.answers ?? {})
  if (problems.length > 0) {
    throw new ProblemError('validation_failed', 422, `The body is invalid: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}.`, {
      errors: problems.map(({ path, message }) => ({ path, message })),
    })
  }
  // No lookup of the idempotency key first: most reports are new, and a retry is answered
  // below, when the insert finds the key taken and storage hands back the incident holding it.
  const requestHash = await sha256(canonicalJson(input))
  const now = context.now()
  const id = newId('inc', now)
  // Secrets the reporter pasted (or the page leaked into the context) never reach storage.
  const symptoms = redactText(input.symptoms)
  const captured = redactValue(input.context ?? {})
  const redacted = [...symptoms.found, ...captured.found]
  const reasoning = triage({ ...input, symptoms: symptoms.text, context: captured.value, createdAt: now })
  const grouping = await planGrouping(context, { id, appId, symptoms: symptoms.text, category: reasoning.category.value, createdAt: now })
  const events = firstEvents(reasoning, now, { status: 'new', ...(redacted.length > 0 ? { redacted } : {}) })
  if (grouping.joins) events.push({ id: newId('evt', now), at: now, ...groupedEvent(grouping.joins.parentId, grouping.joins.reason) })
  const stored = await insertIncidentOnce(
    context.db,
    newIncident({
      id,
      appId,
      idempotencyKey,
      requestHash,
      reasoning,
      symptoms: symptoms.text,
      answers: input.answers ?? {},
      context: captured.value,
      contact: input.contact ?? {},
      sla,
      now,
      parentId: grouping.joins?.parentId ?? null,
    }),
    events,
  )
  // The key was taken, by an earlier request or a concurrent one: answer that incident.
  if (stored.id !== id) return replay(context, stored, requestHash)
  if (grouping.opens) await openGroup(context, stored, grouping.opens, sla)
  return { report: toReportCreated(stored, await reporterTokenFor(context.reporterSecret, stored.id)), replayed: false }
}

async function replay(context: ServiceContext, existing: IncidentRow, requestHash: string): Promise<CreatedReport> {
  if (existing.requestHash !== requestHash) {
    throw new ProblemError(
      'idempotency_key_reused',
      422,
      'This Idempotency-Key was already used for a different report. Use a new key for a new report.',
    )
  }
  return { report: toReportCreated(existing, await reporterTokenFor(context.reporterSecret, existing.id)), replayed: true }
}

/**
 * The reporter's view of one report, opened by its reporter token, with its version: the
 * incident's revision, which changes with every change and so serves as the ETag for polling.
 */
export async function getReport(context: ServiceContext, id: string, reporterToken: string): Promise<{ view: ReportView; version: string }> {
  const incident = await authorizeReporter(context, id, reporterToken)
  return { view: await reporterView(context, incident), version: incident.revision }
}

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  )
}

// Every question of the built-in trees by id (the same id means the same question in every tree).
const knownQuestions = { categoryId: 'all', questions: [...new Map(defaultQuestionTrees.flatMap((tree) => tree.questions).map((question): [string, Question] => [question.id, question])).values()] }

/**
 * Answers to known diagnostic questions must be ones the question allows. Answers to questions
 * the server does not know (an app's own UI) are kept as they are, not refused.
 */
function answerProblems(answers: Record<string, string | number | boolean>): AnswerProblem[] {
  return validateAnswers(knownQuestions, answers).filter((problem) => problem.code !== 'unknown_question')
}

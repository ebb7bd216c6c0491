import type { ReportCreate, ReportCreated, ReportList, ReportView } from '@triage/protocol'
import { defaultQuestionTrees, redactText, redactValue, triage, validateAnswers } from '@triage/engine'
import type { AnswerProblem, Question } from '@triage/engine'
import { newId } from '../ids.ts'
import { sha256 } from '../security/crypto.ts'
import { reporterTokenFor } from '../security/keys.ts'
import { isUserHash } from '../security/user-hash.ts'
import type { IncidentRow } from '../storage/incidents.ts'
import { insertIncidentOnce, listReporterIncidents } from '../storage/incidents.ts'
import type { PublicCaller } from '../domain/callers.ts'
import { classifierFor } from '../learning/classifiers.ts'
import type { GroupingPlan } from '../grouping/plan.ts'
import { attachMembers, forgetPlanned, groupCandidatesFor, groupedEvent, openGroup, planGrouping } from '../grouping/plan.ts'
import { noticeToJoin } from '../notices/service.ts'
import { firstEvents, newIncident } from './new-incident.ts'
import type { ServiceContext } from '../domain/context.ts'
import { authorizeReporter, reporterView } from './reporter-actions.ts'
import { secretsOf } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
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
  { appId, sla, identitySecret }: PublicCaller,
  input: ReportCreate,
  idempotencyKey: string | null,
): Promise<CreatedReport> {
  const problems = answerProblems(input.answers ?? {})
  if (problems.length > 0) {
    throw new DomainError('invalid_input', `The body is invalid: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}.`, {
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
  const { user, ...pageContext } = input.context ?? {}
  const reporterUserId = await verifiedUserId(identitySecret === null ? null : await secretsOf(context).open(identitySecret), user)
  // The hash proved who the reporter is; it is not kept. The user id stays in the context.
  const captured = redactValue(
    user && typeof user === 'object' && 'id' in user ? { ...pageContext, user: { id: String(user.id), verified: reporterUserId !== null } } : pageContext,
  )
  const redacted = [...symptoms.found, ...captured.found]
  // "Me too" on a known problem: the report takes the major incident's category and joins it.
  const major = input.notice === undefined ? undefined : await noticeToJoin(context, appId, input.notice)
  const reasoning = triage(
    { ...input, ...(major ? { category: major.category } : {}), symptoms: symptoms.text, context: captured.value, createdAt: now },
    { classifier: await classifierFor(context, appId) },
  )
  const grouping: GroupingPlan = major
    ? { joins: { parentId: major.id, reason: 'the reporter said "me too" to the known problem', memberIds: [] } }
    : await planGrouping(context, {
        id,
        appId,
        symptoms: symptoms.text,
        category: reasoning.category.value,
        kind: reasoning.kind.value,
        url: typeof captured.value.url === 'string' ? captured.value.url : undefined,
        answers: input.answers ?? {},
        createdAt: now,
      })
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
      reporterUserId,
    }),
    events,
    { alone: context.requestBoundIo },
  ).catch(async (error: unknown) => {
    await forgetPlanned(context, appId, id)
    throw error
  })
  // The key was taken, by an earlier request or a concurrent one: answer that incident.
  if (stored.id !== id) {
    await forgetPlanned(context, appId, id)
    return replay(context, stored, requestHash)
  }
  if (grouping.opens) await openGroup(context, stored, grouping.opens, sla)
  else if (grouping.joins && grouping.joins.memberIds.length > 0) await attachMembers(context, appId, grouping.joins.parentId, grouping.joins.memberIds, grouping.joins.reason)
  // A "me too" joined without grouping's decision: counted in its group at once all the same.
  if (major) (await groupCandidatesFor(context, appId, Infinity)).update(stored, context.now())
  return { report: toReportCreated(stored, await reporterTokenFor(context.reporterSecret, stored.id), context.sendsEmail), replayed: false }
}

async function replay(context: ServiceContext, existing: IncidentRow, requestHash: string): Promise<CreatedReport> {
  if (existing.requestHash !== requestHash) {
    throw new DomainError('idempotency_key_reused', 'This Idempotency-Key was already used for a different report. Use a new key for a new report.')
  }
  return { report: toReportCreated(existing, await reporterTokenFor(context.reporterSecret, existing.id), context.sendsEmail), replayed: true }
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
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  )
}

// Every question of the built-in trees by id (the same id means the same question in every tree).
const knownQuestions = {
  categoryId: 'all',
  questions: [...new Map(defaultQuestionTrees.flatMap((tree) => tree.questions).map((question): [string, Question] => [question.id, question])).values()],
}

/**
 * Answers to known diagnostic questions must be ones the question allows. Answers to questions
 * the server does not know (an app's own UI) are kept as they are, not refused.
 */
function answerProblems(answers: Record<string, string | number | boolean>): AnswerProblem[] {
  return validateAnswers(knownQuestions, answers).filter((problem) => problem.code !== 'unknown_question')
}

/** The reporter's user id when the app's server vouched for it with a user hash. */
async function verifiedUserId(identitySecret: string | null, user: unknown): Promise<string | null> {
  if (!user || typeof user !== 'object') return null
  const { id, hash } = user as { id?: unknown; hash?: unknown }
  if (typeof id !== 'string' || typeof hash !== 'string') return null
  return (await isUserHash(identitySecret, id, hash)) ? id : null
}

/**
 * A signed-in user's reports across devices, when the app's server vouches for them with a user
 * hash; each with its reporter token, so this device can follow it.
 */
export async function listUserReports(context: ServiceContext, caller: PublicCaller, userId: string, hash: string): Promise<ReportList> {
  const identitySecret = caller.identitySecret === null ? null : await secretsOf(context).open(caller.identitySecret)
  if (!(await isUserHash(identitySecret, userId, hash))) {
    throw new DomainError('forbidden', 'This user hash does not match the user id. Sign the id on your server with the app’s identity secret (hex HMAC-SHA256).')
  }
  const rows = await listReporterIncidents(context.db, caller.appId, userId, 100)
  return {
    items: await Promise.all(
      rows.map(async (row) => ({
        ...toReportCreated(row, await reporterTokenFor(context.reporterSecret, row.id), context.sendsEmail),
        updatedAt: new Date(row.updatedAt).toISOString(),
      })),
    ),
  }
}

/**
 * Erasing a person's data (GDPR art. 17) and anonymizing old incidents (retention), one way: a
 * batch of incidents at a time, each batch one transaction (storage/erasure.ts), then their files.
 *
 * Crash-safe by construction: an erasure request first records the incidents it will erase (an
 * erasure job, ids only) with its audit entry; then every batch is idempotent and the job is done
 * only when storage says nothing is left (incidentsLeftToErase). A process killed midway leaves the
 * job unfinished: the retention sweep finishes it (jobs/retention-sweep.ts), and the same request
 * sent again finds what is left of the person's incidents and erases it.
 */
import type { AuditActor, ErasureResult, ReporterSubject } from '@triage/protocol'
import { reportTerms } from '@triage/engine'
import type { ServiceContext } from '../domain/context.ts'
import { eraseIncidentAttachments } from '../attachments/service.ts'
import { forgetInGrouping } from '../grouping/lessons.ts'
import { formatNumber, newId } from '../ids.ts'
import type { ErasureJobRow, IncidentErasure, QuotedReport } from '../storage/erasure.ts'
import { eraseIncidentsBatch, finishErasureJob, incidentsLeftToErase, insertErasureJob, majorsOf, reporterIncidentIds, unfinishedErasureJobs } from '../storage/erasure.ts'
import { incidentsByIds } from '../storage/incidents.ts'
import { anonymizedFields, erasedMarker } from './anonymize.ts'
import { auditRow, auditSubject } from './audit.ts'

/** Incidents per transaction: bounded, so no batch holds the database (or the event loop) for long. */
export const erasureBatchSize = 50
/** Incident ids one erasure job holds. */
const idsPerJob = 5_000

/** Why an incident's data goes: its reporter asked, or the app's retention period passed. */
export type ErasureReason = 'request' | 'retention'

export interface ErasureOptions {
  actor: AuditActor
  reason: ErasureReason
  /** The erasure job this belongs to, named in the audit entries. */
  jobId?: string
}

/**
 * Erases these incidents of one app (at most a batch): the rows and timelines in one transaction,
 * then the files. Incidents erased already only have their leftovers done (files, a timeline entry
 * written meanwhile), so running it twice changes nothing more.
 *
 * @returns how many incidents this call erased (not counting those erased before)
 */
export async function eraseIncidents(context: ServiceContext, appId: string, ids: string[], options: ErasureOptions): Promise<number> {
  const now = context.now()
  const rows = (await incidentsByIds(context.db, ids)).filter((row) => row.appId === appId)
  const fresh = rows.filter((row) => row.erasedAt === null)
  // Grouping's lessons first, while the words can still be read: a crash right after leaves them
  // forgotten and the incident to erase, which the next run does.
  await forgetInGrouping(
    context,
    appId,
    fresh.flatMap((row) => reportTerms({ text: row.symptoms, ...(typeof row.context['url'] === 'string' ? { url: row.context['url'] } : {}) })),
  )
  const action = options.reason === 'request' ? 'incident.erased' : 'incident.anonymized'
  const details = { reason: options.reason, ...(options.jobId ? { job: options.jobId } : {}) }
  const erasures: IncidentErasure[] = fresh.map((row) => {
    const { contactName, answers, context: captured, reasoning } = anonymizedFields(row, now)
    return {
      id: row.id,
      revision: newId('rev', now),
      fields: { contactName, answers, context: captured, reasoning },
      event: { id: newId('evt', now), type: 'erased', actor: options.actor.name, visibility: 'internal', data: { reason: options.reason }, at: now },
      snapshot: { id: row.id, appId: row.appId, status: row.status, priority: row.priority, tier: row.tier, category: row.category, kind: row.kind },
      audit: auditRow(context, appId, options.actor, { action, incidentId: row.id, details }),
    }
  })
  const numbers = new Map(fresh.map((row) => [row.id, row.number]))
  const parents = fresh.filter((row) => row.parentId !== null).map((row) => ({ incidentId: row.id, parentId: row.parentId as string }))
  const quotes: QuotedReport[] = [...parents, ...(await majorsOf(context.db, [...numbers.keys()]))].map(({ incidentId, parentId }) => ({
    majorId: parentId,
    quote: `Like ${formatNumber(numbers.get(incidentId) ?? 0)}: `,
    revision: newId('rev', now),
  }))
  await eraseIncidentsBatch(
    context.db,
    erasedMarker,
    rows.map((row) => row.id),
    erasures,
    quotes,
    now,
  )
  // After the rows: an upload racing this is refused once the incident is erased (storage/attachments.ts).
  if (context.blobs)
    await eraseIncidentAttachments(
      context,
      rows.map((row) => row.id),
    )
  return fresh.length
}

/**
 * Does what is left of an erasure job, a batch at a time, and marks it finished once storage says
 * nothing is left. Stops after `budget` incidents (the sweep's bound); another run continues.
 *
 * @returns how many incidents it erased
 */
export async function runErasureJob(context: ServiceContext, job: ErasureJobRow, budget = Number.POSITIVE_INFINITY): Promise<number> {
  const options: ErasureOptions = { actor: { name: job.actor, id: job.actorId }, reason: 'request', jobId: job.id }
  const left = await incidentsLeftToErase(context.db, job.incidentIds)
  let erased = 0
  for (let start = 0; start < left.length && start < budget; start += erasureBatchSize) {
    erased += await eraseIncidents(context, job.appId, left.slice(start, Math.min(start + erasureBatchSize, budget)), options)
  }
  if ((await incidentsLeftToErase(context.db, job.incidentIds)).length === 0) await finishErasureJob(context.db, job.id, context.now())
  else if (!context.blobs && left.length <= budget)
    console.warn(`erasure ${job.id}: attachments are left and this runtime has no attachment storage to delete them from (bind ATTACHMENTS on Workers)`)
  return erased
}

/**
 * Erases everything about one person in one app: their incidents are found by the e-mail address
 * they left (without case) or their verified user id, recorded as erasure jobs with an audit entry
 * saying who asked, then erased. Their incidents keep what metrics and the record need (see
 * anonymize.ts); their files are deleted.
 */
export async function eraseReporter(context: ServiceContext, caller: { appId: string; actor: AuditActor }, subject: ReporterSubject): Promise<ErasureResult> {
  const now = context.now()
  const ids = await reporterIncidentIds(context.db, caller.appId, subject)
  const jobs: ErasureJobRow[] = []
  for (let start = 0; start < ids.length || jobs.length === 0; start += idsPerJob) {
    jobs.push({
      id: newId('ers', now),
      appId: caller.appId,
      incidentIds: ids.slice(start, start + idsPerJob),
      actor: caller.actor.name,
      actorId: caller.actor.id,
      requestedAt: now,
      finishedAt: null,
    })
  }
  const requested = auditRow(context, caller.appId, caller.actor, {
    action: 'reporter.erasure_requested',
    subject: await auditSubject(context, subject),
    details: { incidents: ids.length, jobs: jobs.map((job) => job.id) },
  })
  for (const [index, job] of jobs.entries()) await insertErasureJob(context.db, job, index === 0 ? [requested] : [])
  for (const job of jobs) await runErasureJob(context, job)
  // The app's erasures cut short before finish too: one killed between an incident's rows and its
  // files no longer finds that incident by the person's address, but its job still lists it.
  for (const job of await unfinishedErasureJobs(context.db, 100, caller.appId)) await runErasureJob(context, job)
  return { incidents: ids.length }
}

import { newId } from '../ids.ts'
import type { ServiceContext } from '../domain/context.ts'
import { erasureBatchSize, eraseIncidents, runErasureJob } from '../privacy/erasure.ts'
import { retentionActor } from '../privacy/audit.ts'
import { appsWithRetention, closedBefore, unfinishedErasureJobs } from '../storage/erasure.ts'
import { acquireLease, releaseLease } from '../storage/leases.ts'

export interface RetentionReport {
  /** False when another process held the lease: this run did nothing. */
  ran: boolean
  /** Incidents of erasure requests cut short, finished now. */
  resumed: number
  /** Closed incidents past their app's retention period, anonymized now. */
  anonymized: number
}

const dayMs = 86_400_000

/**
 * The privacy sweep: first it finishes erasures that were cut short (a crash, a Worker's time
 * limit), then it anonymizes, in each app with a retention period, the closed incidents that closed
 * longer ago than that — both as an erasure does (privacy/erasure.ts), a bounded batch per
 * transaction and at most `limit` incidents a run, longest closed first; the next run continues.
 * Guarded by a lease like the SLA sweep. Node runs it on an interval, Workers from the Cron Trigger.
 */
export async function sweepRetention(context: ServiceContext, options: { limit?: number } = {}): Promise<RetentionReport> {
  const holder = newId('retention')
  const report: RetentionReport = { ran: false, resumed: 0, anonymized: 0 }
  if (!(await acquireLease(context.db, 'retention_lease', holder, context.now(), 5 * 60_000))) return report
  report.ran = true
  let budget = options.limit ?? 500
  try {
    for (const job of await unfinishedErasureJobs(context.db, 10)) {
      if (budget <= 0) break
      const erased = await runErasureJob(context, job, budget)
      report.resumed += erased
      budget -= erased
    }
    for (const app of await appsWithRetention(context.db)) {
      if (budget <= 0 || app.retentionDays === null) break
      const cutoff = context.now() - app.retentionDays * dayMs
      const ids = await closedBefore(context.db, app.id, cutoff, budget)
      for (let start = 0; start < ids.length; start += erasureBatchSize) {
        const erased = await eraseIncidents(context, app.id, ids.slice(start, start + erasureBatchSize), { actor: retentionActor, reason: 'retention' })
        report.anonymized += erased
        budget -= erased
      }
    }
  } finally {
    await releaseLease(context.db, 'retention_lease', holder)
  }
  return report
}

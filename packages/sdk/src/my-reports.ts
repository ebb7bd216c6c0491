import type { ReportList, ReportView } from '@triage/protocol'
import { TriageError } from './errors.ts'
import type { TriageUser } from './prepare.ts'
import type { Queue } from './queue.ts'
import type { MyReport, ReportBook, SentReport } from './report-book.ts'
import type { RetryPolicy } from './retry.ts'
import { withRetry } from './retry.ts'
import type { Transport } from './transport.ts'
import { send } from './transport.ts'

/** What `myReports()` reads: the client's transport, book and queue, and the user it knows. */
export interface MyReportsSources {
  transport: Transport
  key: string
  retry: RetryPolicy
  reports: ReportBook
  queue: Queue
  user: TriageUser | null
  /** Keeps a view's status in the book. */
  seen: (view: ReportView) => ReportView
}

/**
 * The reports this browser made (and a verified user's from other devices), each with its status
 * now, queued ones first. A module of its own, loaded on first use (see client.ts).
 */
export async function listMyReports({ transport, key, retry, reports, queue, user, seen }: MyReportsSources): Promise<MyReport[]> {
  if (user?.userHash) {
    // A verified user's reports from every device join this browser's book (one attempt: offline, the book will do).
    const request = { method: 'GET', path: '/v1/reports', headers: { 'x-triage-key': key, 'x-triage-user': user.id, 'x-triage-user-hash': user.userHash } } as const
    const list = await withRetry(() => send<ReportList>(transport, request), { ...retry, attempts: 1 }).catch(() => ({ items: [] }))
    // The book keeps a summary as a created report: all of it but `updatedAt`.
    for (const { updatedAt, ...item } of list.items.slice().reverse()) {
      if (!reports.find(item.id)) reports.save(item)
    }
  }
  const sent = await Promise.all(
    reports.list().map(
      (report): Promise<SentReport | undefined> =>
        // One attempt each: when the server is out of reach, the last status seen will do.
        withRetry(
          () => send<ReportView>(transport, { method: 'GET', path: `/v1/reports/${encodeURIComponent(report.id)}`, headers: { authorization: `Bearer ${report.reporterToken}` } }),
          { ...retry, attempts: 1 },
        ).then(
          (view) => (seen(view), reports.find(report.id)),
          (error: unknown) => {
            if (!(error instanceof TriageError && [401, 403, 404].includes(error.status))) return report
            reports.forget(report.id)
            return undefined
          },
        ),
    ),
  )
  const queued = queue
    .items()
    .reverse()
    .map((item): MyReport => ({ status: 'queued', idempotencyKey: item.key, symptoms: item.body.symptoms, queuedAt: item.at }))
  return [...queued, ...sent.filter((report) => report !== undefined)]
}

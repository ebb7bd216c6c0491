import type { ReportCreated } from '@triage/protocol'
import type { TriageStorage } from './storage.ts'
import { storedList } from './storage.ts'

/** A report this browser sent, with its token; `status` and `category` are the last ones seen. */
export type SentReport = ReportCreated

/** A report still in the offline queue: no number yet. */
export interface QueuedReport {
  status: 'queued'
  idempotencyKey: string
  symptoms: string
  queuedAt: string
}

/** What `myReports()` lists: tell them apart with `status === 'queued'`. */
export type MyReport = SentReport | QueuedReport

const maxRemembered = 20

/** The reports this browser made, newest first, kept with their reporter tokens. */
export function createReportBook(storage: TriageStorage, name: string) {
  const list = storedList<SentReport>(storage, name)
  return {
    list: list.read,
    find: (id: string) => list.read().find((report) => report.id === id),
    /** Adds a new report in front, or updates a known one where it is. */
    save(report: SentReport): void {
      const reports = list.read()
      const at = reports.findIndex((known) => known.id === report.id)
      // biome-ignore lint/complexity/useMathMinMax: the same test twice compresses better (4 B in each panel)
      reports.splice(at < 0 ? 0 : at, at < 0 ? 0 : 1, report)
      list.write(reports.slice(0, maxRemembered))
    },
    forget: (id: string) => list.remove((report) => report.id !== id),
  }
}

export type ReportBook = ReturnType<typeof createReportBook>

/** What we keep of the last report so the reporter can follow it after a reload. */
export interface LastReport {
  id: string
  number: string
  reporterToken: string
}

export interface LastReportStore {
  read(): LastReport | null
  save(report: LastReport): void
  forget(): void
}

const isLastReport = (value: unknown): value is LastReport =>
  typeof value === 'object' &&
  value !== null &&
  ['id', 'number', 'reporterToken'].every((field) => typeof (value as Record<string, unknown>)[field] === 'string')

/**
 * The last report in `localStorage`, namespaced by publishable key so two apps on one origin
 * do not mix. Every access is guarded: storage throws when disabled (private modes, sandboxed
 * iframes) and the widget must work without it.
 */
export function createLastReportStore(key: string): LastReportStore {
  const name = `triage:last-report:${key}`
  return {
    read() {
      try {
        const value: unknown = JSON.parse(localStorage.getItem(name) ?? 'null')
        return isLastReport(value) ? value : null
      } catch {
        return null
      }
    },
    save({ id, number, reporterToken }) {
      try {
        localStorage.setItem(name, JSON.stringify({ id, number, reporterToken }))
      } catch {
        // Storage full or disabled: the reporter still has the number on screen.
      }
    },
    forget() {
      try {
        localStorage.removeItem(name)
      } catch {
        // Nothing stored, nothing to forget.
      }
    },
  }
}

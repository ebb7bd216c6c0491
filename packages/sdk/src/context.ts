import type { ReportContext } from '@triage/protocol'

export interface AppInfo {
  /** Your app's version or build, e.g. `2.4.1` or a commit hash. */
  version?: string
  /** e.g. `production`, `staging`. */
  environment?: string
}

/** Within the server's limits (protocol `reportContextSchema`): an over-long field would reject the whole report. */
const cut = (text: string | undefined, max: number) => (text ? text.slice(0, max) : undefined)

/**
 * What the page can tell about where the report comes from, read at report time (the client
 * scrubs it with the rest of the context). Every DOM global is guarded, so this runs in Node
 * (URL, viewport and referrer are then absent).
 */
export function captureContext(app: AppInfo = {}, locale?: string): ReportContext {
  const g = globalThis as Partial<Window & typeof globalThis>
  // Undefined fields vanish in JSON, so the body is the same sent now or from the offline queue.
  return {
    url: cut(g.location?.href, 2_048),
    referrer: cut(g.document?.referrer, 2_048),
    userAgent: cut(g.navigator?.userAgent, 512),
    locale: cut(locale ?? g.navigator?.language, 35),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    viewport: g.innerWidth ? { width: g.innerWidth, height: g.innerHeight ?? 0 } : undefined,
    appVersion: cut(app.version, 64),
    environment: cut(app.environment, 64),
  }
}

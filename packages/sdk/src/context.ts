import type { ReportContext } from '@triage/protocol'
import { limits } from '@triage/protocol'

export interface AppInfo {
  /** Your app's version or build, e.g. `2.4.1` or a commit hash. */
  version?: string
  /** e.g. `production`, `staging`. */
  environment?: string
}

/** Within the server's limits (protocol `limits`, which `reportContextSchema` enforces): an over-long field would reject the whole report. */
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
    url: cut(g.location?.href, limits.contextUrlChars),
    referrer: cut(g.document?.referrer, limits.contextUrlChars),
    userAgent: cut(g.navigator?.userAgent, limits.userAgentChars),
    locale: cut(locale ?? g.navigator?.language, limits.localeChars),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    viewport: g.innerWidth ? { width: g.innerWidth, height: g.innerHeight ?? 0 } : undefined,
    appVersion: cut(app.version, limits.contextLabelChars),
    environment: cut(app.environment, limits.contextLabelChars),
  }
}

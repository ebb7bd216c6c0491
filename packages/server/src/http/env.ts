import type { BusinessCalendar, SlaPolicy } from '@triage/engine'
import type { Upload } from '../attachments/service.ts'
import type { AgentCaller } from '../domain/callers.ts'
import type { ServiceContext } from '../services/context.ts'

/** An app's SLA settings; null parts mean the defaults (DESIGN.md targets, calendar time). */
export interface AppSla {
  policy: SlaPolicy | null
  calendar: BusinessCalendar | null
}

/** The caller as authenticated by a publishable key. */
export interface PublicCaller {
  appId: string
  sla: AppSla
  /** Verifies the app's user hashes (as stored: sealed where sealing is on); null until an admin reads the app settings. */
  identitySecret: string | null
}

export type { AgentCaller } from '../domain/callers.ts'

/** Hono's typing of what middleware hands to routes. */
export interface AppEnv {
  Variables: {
    services: ServiceContext
    publicCaller: PublicCaller
    agent: AgentCaller
    /** The caller's network address, as this runtime tells it. */
    clientAddress: string
    /** The reporter token, checked against the report in the path (see requireReporterToken). */
    reporterToken: string
    /** Files sent with a multipart report (http/multipart-body.ts); unset for a JSON body. */
    uploads?: Upload[]
  }
}

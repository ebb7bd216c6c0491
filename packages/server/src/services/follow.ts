import type { ReportView } from '@triage/protocol'
import { findIncidentById } from '../storage/incidents.ts'
import { abortableSleep } from '../live/abortable-sleep.ts'
import type { ServiceContext } from './context.ts'
import { authorizeReporter, reporterView } from './reporter-actions.ts'

export interface FollowOptions {
  /** The version the client already has (its Last-Event-ID): not sent again. */
  since?: string
  /** How often storage is checked for a new revision. */
  pollMs: number
  /** When to end the stream; clients reconnect (bounded streams suit proxies and Workers). */
  maxMs: number
  signal: AbortSignal
}

/**
 * The reporter's view each time it changes, starting with the current one. Watching costs one
 * indexed read of the revision per poll; the view is only built when the revision moved.
 * Opening it checks the reporter token, so a wrong one fails before any stream starts.
 */
export async function openReportFollow(
  context: ServiceContext,
  id: string,
  reporterToken: string,
  options: FollowOptions,
): Promise<AsyncGenerator<{ view: ReportView; version: string }>> {
  await authorizeReporter(context, id, reporterToken)
  return watch(context, id, options)
}

async function* watch(context: ServiceContext, id: string, options: FollowOptions): AsyncGenerator<{ view: ReportView; version: string }> {
  const until = Date.now() + options.maxMs
  let seen = options.since
  while (!options.signal.aborted && Date.now() < until) {
    const incident = await findIncidentById(context.db, id)
    if (!incident) return
    if (incident.revision !== seen) {
      seen = incident.revision
      yield { view: await reporterView(context, incident), version: incident.revision }
    }
    await abortableSleep(options.pollMs, options.signal)
  }
}

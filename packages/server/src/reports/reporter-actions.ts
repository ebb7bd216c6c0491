import type { ReasonRequest, ReporterMessageCreate, ReportView } from '@triage/protocol'
import { isReporterToken } from '../security/keys.ts'
import type { IncidentRow } from '../storage/incidents.ts'
import { listAttachments } from '../storage/attachments.ts'
import { findIncidentById, listEvents } from '../storage/incidents.ts'
import { closeChange, reopenChange } from '../incidents/agent-actions.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import type { Change } from '../incidents/changes.ts'
import { appSla, changeIncident, statusAfter, statusEvents } from '../incidents/changes.ts'
import { toReportView } from './views.ts'

/** The refusal of a report whose personal data was erased: gone for good, and the reporter is told why. */
export function erasedReport(): DomainError {
  return new DomainError(
    'erased',
    "This report's details were erased (at your request, or because the app keeps closed reports only for a while). If the problem remains, send a new report.",
  )
}

/**
 * Checks the reporter token; the same refusal for an unknown id and a wrong token, so ids cannot
 * be probed. A report whose data was erased answers `erased` (to its token only): nothing of it
 * is shown any more, and nothing more is added to it.
 */
export async function authorizeReporter(context: ServiceContext, id: string, reporterToken: string): Promise<IncidentRow> {
  const incident = await findIncidentById(context.db, id)
  if (!incident || !(await isReporterToken(context.reporterSecret, incident.id, reporterToken))) {
    throw new DomainError('not_found', 'No report with this id opens with this reporter token. Use the token returned when the report was created.')
  }
  if (incident.erasedAt !== null) throw erasedReport()
  return incident
}

/** The reporter's view of an incident, with the SLA promise of its app's policy. */
export async function reporterView(context: ServiceContext, incident: IncidentRow): Promise<ReportView> {
  const [events, sla, files] = await Promise.all([listEvents(context.db, incident.id, 'public'), appSla(context, incident.appId), listAttachments(context.db, incident.id)])
  return toReportView(incident, events, sla.policy ?? undefined, context.sendsEmail, files)
}

async function reporterChange(context: ServiceContext, id: string, token: string, decide: Parameters<typeof changeIncident>[3]): Promise<ReportView> {
  await authorizeReporter(context, id, token)
  // Decided again on the current row if it changed meanwhile: an erasure in between refuses it.
  const row = await changeIncident(context, { incidentId: id }, id, (incident) => {
    if (incident.erasedAt !== null) throw erasedReport()
    return decide(incident)
  })
  return reporterView(context, row)
}

/**
 * The reporter answers; a ticket waiting on them goes back to the agents, and a resolved one
 * reopens (they say it is not fixed). A closed one refuses (409, `allowed: ["reopen"]`).
 */
export function postReporterMessage(context: ServiceContext, id: string, token: string, message: ReporterMessageCreate): Promise<ReportView> {
  return reporterChange(context, id, token, (incident): Change => {
    const status = statusAfter(incident, { type: 'reporter_reply' })
    const written: Change['events'][number] = { type: 'message', actor: 'reporter', visibility: 'public', data: { body: message.body, author: 'reporter' } }
    if (incident.status === 'resolved') {
      const reopened = reopenChange(incident.status, status, 'reporter', {})
      return { fields: reopened.fields, events: [written, ...reopened.events] }
    }
    return { fields: { status }, events: [written, ...statusEvents(incident.status, status, 'reporter')] }
  })
}

/** The reporter confirms the fix: a resolved ticket closes. */
export function confirmReport(context: ServiceContext, id: string, token: string, request: ReasonRequest): Promise<ReportView> {
  return reporterChange(context, id, token, (incident) => closeChange(incident.status, statusAfter(incident, { type: 'close' }), 'reporter', request, context.now()))
}

/** The reporter says it is not fixed: a resolved or closed ticket reopens. */
export function reopenReport(context: ServiceContext, id: string, token: string, request: ReasonRequest): Promise<ReportView> {
  return reporterChange(context, id, token, (incident) => reopenChange(incident.status, statusAfter(incident, { type: 'reopen' }), 'reporter', request))
}

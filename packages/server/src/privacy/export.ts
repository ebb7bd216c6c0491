/**
 * A person's data, for their right of access (GDPR art. 15): every incident of the app they
 * reported under an e-mail address or a verified user id, as they wrote it, with the public
 * timeline (their messages, the agents' replies) and their files' metadata and links. A page of
 * incidents at a time, so no export holds the server for long however many reports a person sent.
 */
import type { AuditActor, ReporterExport, ReporterSubject } from '@triage/protocol'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { findApp } from '../storage/apps.ts'
import { listAttachments } from '../storage/attachments.ts'
import { appendAuditEntries } from '../storage/audit.ts'
import { reporterIncidents } from '../storage/erasure.ts'
import { listEvents } from '../storage/incidents.ts'
import { auditRow, auditSubject } from './audit.ts'
import { decodeCursor, encodeCursor, isId, isTime } from './cursor.ts'
import { toExportedIncident } from './views.ts'

/** Incidents per page of an export. */
export const exportPageSize = 100

/**
 * One page of a person's export, oldest incident first; `nextCursor` continues it. Each incident
 * exported is on the audit trail (a person with none gets one entry saying so), under `actor`.
 */
export async function exportReporter(context: ServiceContext, caller: { appId: string; actor: AuditActor }, subject: ReporterSubject, cursor?: string): Promise<ReporterExport> {
  const after = cursor === undefined ? undefined : decodeCursor<[number, string]>(cursor, [isTime, isId])
  if (cursor !== undefined && after === undefined) {
    throw new DomainError('invalid_parameter', 'The cursor is not one this API gave. Pass nextCursor from the previous page as it is, with the same email or userId.')
  }
  const [app, rows] = await Promise.all([findApp(context.db, caller.appId), reporterIncidents(context.db, caller.appId, subject, after, exportPageSize + 1)])
  if (!app) throw new DomainError('not_found', 'This key’s app no longer exists.')
  const page = rows.slice(0, exportPageSize)
  const incidents = await Promise.all(
    page.map(async (row) => {
      const [events, attachments] = await Promise.all([listEvents(context.db, row.id, 'public'), listAttachments(context.db, row.id)])
      return toExportedIncident(row, events, attachments)
    }),
  )
  const who = await auditSubject(context, subject)
  const entries = page.length > 0 ? page.map((row) => ({ incidentId: row.id })) : after === undefined ? [{ incidentId: null }] : []
  await appendAuditEntries(
    context.db,
    entries.map(({ incidentId }) => auditRow(context, caller.appId, caller.actor, { action: 'reporter.exported', incidentId, subject: who, details: { incidents: page.length } })),
  )
  const last = page[page.length - 1]
  return {
    subject,
    app: { id: app.id, name: app.name },
    exportedAt: new Date(context.now()).toISOString(),
    incidents,
    nextCursor: rows.length > exportPageSize && last ? encodeCursor([last.createdAt, last.id]) : null,
  }
}

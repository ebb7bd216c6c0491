/**
 * The audit trail: who exported or erased whose data, changed the app's settings, keys or
 * webhooks, read an incident's personal data through the agent API, or ticked a breach's checklist.
 * Entries are appended, never changed (migration 0013's triggers refuse it whatever the writer).
 */
import type { AuditAction, AuditActor, AuditEntry, AuditList, AuditQuery, AuditSubject, ReporterSubject } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { newId } from '../ids.ts'
import { hmacSha256Hex } from '../security/crypto.ts'
import type { AuditRow } from '../storage/audit.ts'
import { appendAuditEntry, listAuditEntries } from '../storage/audit.ts'
import { decodeCursor, encodeCursor, isTime } from './cursor.ts'

/**
 * The actor of what an agent API caller does: the name it goes by and its key's id, or the
 * signed-in agent's (`agt_…`). The one place that reads a caller for the trail, whatever stands
 * behind it (a key, or a signed-in agent).
 */
export function actorOfAgent(agent: AgentCaller): AuditActor {
  return { name: agent.name, id: agent.keyId ?? agent.agentId }
}

/** The app's retention sweep, as the trail names it. */
export const retentionActor: AuditActor = { name: 'retention', id: null }

/** What happened, as an entry records it (the who, where and when are added). */
export interface AuditRecord {
  action: AuditAction
  incidentId?: string | null
  subject?: AuditSubject | null
  details?: Record<string, unknown>
}

/** The row of one entry, for a batch that writes it with the change it records. */
export function auditRow(context: ServiceContext, appId: string, actor: AuditActor, record: AuditRecord): AuditRow {
  const at = context.now()
  return {
    id: newId('aud', at),
    appId,
    at,
    actor: actor.name,
    actorId: actor.id,
    action: record.action,
    incidentId: record.incidentId ?? null,
    subject: record.subject ?? null,
    details: record.details ?? {},
  }
}

/**
 * Appends one entry. On Node, concurrent entries (many agents reading tickets) share one
 * transaction; on Workers each is its own write (see ServiceContext.requestBoundIo).
 */
export function recordAudit(context: ServiceContext, appId: string, actor: AuditActor, record: AuditRecord): Promise<void> {
  return appendAuditEntry(context.db, auditRow(context, appId, actor, record), { alone: context.requestBoundIo ?? false })
}

/**
 * Whose data an export or erasure was about, as the trail keeps it: a digest keyed with the
 * server's secret (the same person gives the same digest, and a copy of the database alone cannot
 * reverse it) and a hint a person recognises, never the address or id itself — so the trail holds
 * nothing an erasure took away.
 */
export async function auditSubject(context: ServiceContext, subject: ReporterSubject): Promise<AuditSubject> {
  if ('email' in subject) {
    const email = subject.email.trim().toLowerCase()
    const at = email.lastIndexOf('@')
    return { kind: 'email', digest: await hmacSha256Hex(context.reporterSecret, `audit email:${email}`), hint: `${email.slice(0, 1)}…${email.slice(at)}` }
  }
  const id = subject.userId
  return { kind: 'userId', digest: await hmacSha256Hex(context.reporterSecret, `audit user:${id}`), hint: id.length > 2 ? `${id.slice(0, 1)}…${id.slice(-1)}` : '…' }
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: { name: row.actor, id: row.actorId },
    action: row.action as AuditAction,
    incidentId: row.incidentId,
    subject: row.subject,
    details: row.details,
  }
}

/** A page of the app's trail, newest first, filtered; `nextCursor` continues it. */
export async function listAudit(context: ServiceContext, agent: AgentCaller, query: AuditQuery & { limit: number }): Promise<AuditList> {
  const after = query.cursor === undefined ? undefined : decodeCursor<[number, number]>(query.cursor, [isTime, isTime])
  if (query.cursor !== undefined && after === undefined) {
    throw new DomainError('invalid_parameter', 'The cursor is not one this API gave. Pass nextCursor from the previous page as it is, with the same filters.')
  }
  const rows = await listAuditEntries(
    context.db,
    agent.appId,
    {
      from: query.from === undefined ? undefined : Date.parse(query.from),
      to: query.to === undefined ? undefined : Date.parse(query.to),
      actor: query.actor,
      incidentId: query.incident,
    },
    after,
    query.limit + 1,
  )
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return { items: page.map(toAuditEntry), nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, last.seq]) : null }
}

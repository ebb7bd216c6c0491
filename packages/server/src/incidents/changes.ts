import type { IncidentStatus, Tier } from '@triage/protocol'
import { nextStatus, resumeAfterPause } from '@triage/engine'
import type { LifecycleAction } from '@triage/engine'
import type { AppSla } from '../domain/callers.ts'
import { yieldToEventLoop } from '../event-loop.ts'
import { newId } from '../ids.ts'
import { findApp } from '../storage/apps.ts'
import type { IncidentRow, NewEvent } from '../storage/incidents.ts'
import type { IncidentUpdate } from '../storage/incidents.ts'
import { findIncident, findIncidentById, incidentsByIds, updateIncidentIfUnchanged, updateIncidentsIfUnchanged } from '../storage/incidents.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import type { Scope } from '../domain/visibility.ts'
import { isVisibleTo } from '../domain/visibility.ts'

/** One change to an incident: the fields it sets and the events it writes with them. */
export interface Change {
  fields: Partial<Omit<IncidentRow, 'id' | 'appId' | 'number' | 'revision'>>
  events: Omit<NewEvent, 'id' | 'at'>[]
}

/** An incident the scope may see, or a 404 that does not tell whether it exists elsewhere. */
export async function findVisibleIncident(context: ServiceContext, scope: Scope, id: string): Promise<IncidentRow> {
  const incident = 'incidentId' in scope ? await findIncidentById(context.db, scope.incidentId) : await findIncident(context.db, scope.appId, id)
  if (!incident || ('maxTier' in scope && !isVisibleTo(incident, scope.maxTier))) {
    throw new DomainError('not_found', `No incident ${id} that this key may see. List incidents with GET /v1/incidents.`)
  }
  return incident
}

/**
 * The status an action leads to, or a 409 that names the allowed statuses. Every status change
 * of the system comes through here, from the lifecycle module.
 */
export function statusAfter(incident: IncidentRow, action: LifecycleAction): IncidentStatus {
  const outcome = nextStatus(incident.status, action, incident.tier)
  if (!outcome.ok) {
    throw new DomainError(
      'conflict',
      `${outcome.reason[0]?.toUpperCase()}${outcome.reason.slice(1)}. ${outcome.hint ?? `From ${incident.status} it can go to: ${outcome.allowed.join(', ') || 'nothing'}.`}`,
      { allowed: outcome.allowed },
    )
  }
  return outcome.status
}

/**
 * `status_changed` events for a move; nothing when the status stays. A move the lifecycle makes
 * through `in_progress` (new → pending_reporter) is recorded as its two steps.
 */
export function statusEvents(from: IncidentStatus, to: IncidentStatus, actor: string): Change['events'] {
  if (from === to) return []
  const step = (a: IncidentStatus, b: IncidentStatus): Change['events'][number] => ({ type: 'status_changed', actor, visibility: 'public', data: { from: a, status: b } })
  if (from === 'new' && to === 'pending_reporter') return [step('new', 'in_progress'), step('in_progress', 'pending_reporter')]
  return [step(from, to)]
}

/**
 * Reads an incident, lets `decide` work out the change from its current state, and writes the
 * change with its events in one transaction. When someone else changed the incident in between,
 * it reads again and decides again, so no change is ever made on stale state.
 */
export async function changeIncident(context: ServiceContext, scope: Scope, id: string, decide: (incident: IncidentRow) => Change): Promise<IncidentRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const incident = await findVisibleIncident(context, scope, id)
    const change = decide(incident)
    // Nothing to record: no write, no new revision (keeps repeated sweeps and no-op edits free).
    if (change.events.length === 0 && Object.keys(change.fields).length === 0) return incident
    const now = context.now()
    Object.assign(change.fields, await slaPauseFields(context, incident, change.fields.status, now))
    const events: NewEvent[] = change.events.map((event) => ({ ...event, id: newId('evt', now), at: now }))
    const updated = await updateIncidentIfUnchanged(context.db, incident, { ...change.fields, updatedAt: now }, events, newId('rev', now))
    if (updated) return updated
  }
  throw new DomainError('conflict', 'This incident is changing right now. Read it again and retry.')
}

/** Incidents changed together per transaction: a few hundred statements, well within a D1 batch. */
const incidentsPerBatch = 50

/**
 * `changeIncident` for many incidents of one app at once (a major incident's reports resolved
 * together): each is read, decided and written as it would be alone, but fifty go to storage in
 * one transaction. One changed by someone else in between is done again on its own.
 *
 * @returns how many incidents changed
 */
export async function changeIncidents(
  context: ServiceContext,
  scope: Extract<Scope, { maxTier: Tier }>,
  ids: readonly string[],
  decide: (incident: IncidentRow) => Change,
): Promise<number> {
  let changed = 0
  for (let start = 0; start < ids.length; start += incidentsPerBatch) {
    // libSQL's file binding is synchronous: between batches, let other requests and the followers'
    // updates of the batch just written go first, rather than after the last of 10,000 reports.
    if (start > 0) await yieldToEventLoop()
    const rows = (await incidentsByIds(context.db, ids.slice(start, start + incidentsPerBatch))).filter((row) => row.appId === scope.appId && isVisibleTo(row, scope.maxTier))
    const updates: IncidentUpdate[] = []
    for (const incident of rows) {
      const change = decide(incident)
      if (change.events.length === 0 && Object.keys(change.fields).length === 0) continue
      const now = context.now()
      Object.assign(change.fields, await slaPauseFields(context, incident, change.fields.status, now))
      const events: NewEvent[] = change.events.map((event) => ({ ...event, id: newId('evt', now), at: now }))
      updates.push({ current: incident, changes: { ...change.fields, updatedAt: now }, events, revision: newId('rev', now) })
    }
    const results = await updateIncidentsIfUnchanged(context.db, updates)
    for (const [index, stored] of results.entries()) {
      const update = updates[index]
      if (stored) changed++
      else if (update) {
        // Changed meanwhile: read again and decide again, alone.
        const before = update.current.revision
        const after = await changeIncident(context, scope, update.current.id, decide)
        if (after.revision !== before) changed++
      }
    }
  }
  return changed
}

/** An app's SLA settings (policy and business hours); defaults where it has none. */
export async function appSla(context: ServiceContext, appId: string): Promise<AppSla> {
  const app = await findApp(context.db, appId)
  return { policy: app?.slaPolicy ?? null, calendar: app?.businessHours ?? null }
}

/**
 * The SLA clocks stop while a ticket waits on the reporter: entering `pending_reporter` notes
 * when; leaving it pushes every unmet due and at-risk time by the working time that passed.
 */
async function slaPauseFields(context: ServiceContext, incident: IncidentRow, status: IncidentStatus | undefined, now: number): Promise<Change['fields']> {
  if (status === undefined || status === incident.status) return {}
  if (status === 'pending_reporter') return { slaPausedAt: now }
  if (incident.slaPausedAt === null) return {}
  const calendar = (await appSla(context, incident.appId)).calendar ?? undefined
  const shift = (instant: number | null) => resumeAfterPause(instant, incident.slaPausedAt ?? now, now, calendar)
  const firstResponseOpen = incident.firstResponseAt === null
  return {
    slaPausedAt: null,
    ...(firstResponseOpen ? { firstResponseDueAt: shift(incident.firstResponseDueAt), firstResponseRiskAt: shift(incident.firstResponseRiskAt) } : {}),
    resolutionDueAt: shift(incident.resolutionDueAt),
    resolutionRiskAt: shift(incident.resolutionRiskAt),
  }
}

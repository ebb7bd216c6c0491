import type { Incident, IncidentList, IncidentStatus } from '@triage/protocol'
import { findIncident, listEvents, listIncidents } from '../storage/incidents.ts'
import type { ServiceContext } from './context.ts'
import { ProblemError } from './context.ts'
import { toIncident, toIncidentSummary } from './views.ts'

export interface IncidentListQuery {
  status?: IncidentStatus
  cursor?: string
  limit: number
}

/** One page of an app's incidents, newest first; `nextCursor` continues after the last one. */
export async function listAppIncidents(context: ServiceContext, appId: string, query: IncidentListQuery): Promise<IncidentList> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor)
  // One row more than asked tells whether another page exists without a count query.
  const rows = await listIncidents(context.db, appId, { status: query.status, after, limit: query.limit + 1 })
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    items: page.map(toIncidentSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  }
}

export async function getAppIncident(context: ServiceContext, appId: string, id: string): Promise<Incident> {
  const row = await findIncident(context.db, appId, id)
  if (!row) throw new ProblemError('not_found', 404, `No incident ${id} in this app. List incidents with GET /v1/incidents.`)
  return toIncident(row, await listEvents(context.db, row.id))
}

function encodeCursor(createdAt: number, id: string): string {
  return btoa(`${createdAt}:${id}`).replace(/=+$/, '')
}

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  let decoded = ''
  try {
    decoded = atob(cursor)
  } catch {
    // fall through to the refusal below
  }
  const match = /^(\d+):([a-z]+_[0-9a-zA-Z_-]+)$/.exec(decoded)
  if (!match?.[1] || !match[2]) {
    throw new ProblemError('validation_failed', 400, 'The cursor is not one this API gave. Pass nextCursor from the previous page as it is.')
  }
  return { createdAt: Number(match[1]), id: match[2] }
}

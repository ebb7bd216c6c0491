import type { Incident, IncidentList, IncidentListQuery } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import { callerId } from '../domain/callers.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { agentScope, tiersVisibleTo } from '../domain/visibility.ts'
import { majorIncidentView } from '../grouping/major-group.ts'
import { viewFilters } from './queue-views.ts'
import type { CursorValue, ListSort } from '../storage/incidents.ts'
import { listIncidents, sortKeyOf } from '../storage/incidents.ts'
import { actorOfAgent, recordAudit } from '../privacy/audit.ts'
import { findVisibleIncident } from './changes.ts'
import { toIncidentSummary } from './views.ts'

/** One page of the incidents an agent may see, filtered and sorted; `nextCursor` continues it. */
export async function listAppIncidents(context: ServiceContext, agent: AgentCaller, query: IncidentListQuery & { sort: ListSort; limit: number }): Promise<IncidentList> {
  const visible = tiersVisibleTo(agentScope(agent).maxTier)
  const tiers = query.tier ? visible.filter((tier) => tier === query.tier) : visible
  const now = context.now()
  const view = query.view ? viewFilters(query.view, callerId(agent)) : undefined
  // A view's rule and the query's own filter both apply: `view=mine&assignee=x` holds nothing unless x is me.
  const contradicts = (mine: string | undefined, asked: string | undefined) => mine !== undefined && asked !== undefined && mine !== asked
  if (view && (contradicts(view.assignee, query.assignee) || contradicts(view.sla, query.sla) || (query.status !== undefined && !view.statuses.includes(query.status)))) {
    return { items: [], nextCursor: null }
  }
  // A search newest (or oldest) first pages by its place in the search index (storage/incidents.ts).
  const cursorKind: CursorKind = query.q !== undefined && (query.sort === '-created' || query.sort === 'created') ? 'search' : query.sort
  // One row more than asked tells whether another page exists without a count query.
  const rows = await listIncidents(context.db, agent.appId, {
    filters: {
      open: view?.open,
      unassigned: view?.unassigned,
      major: view?.major,
      status: query.status ?? view?.status,
      kind: query.kind,
      category: query.category,
      priority: query.priority,
      tiers,
      assignee: query.assignee ?? view?.assignee,
      sla: query.sla ?? view?.sla,
      q: query.q,
      from: query.from === undefined ? undefined : Date.parse(query.from),
      to: query.to === undefined ? undefined : Date.parse(query.to),
    },
    sort: query.sort,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, cursorKind),
    limit: query.limit + 1,
    now,
  })
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  const lastKey = last && (cursorKind === 'search' ? [last.searchRowid ?? 0] : sortKeyOf(last, query.sort))
  return {
    items: page.map((row) => toIncidentSummary(row, now, agent.locale)),
    nextCursor: rows.length > query.limit && lastKey ? encodeCursor(cursorKind, lastKey) : null,
  }
}

/**
 * The enriched ticket, the reporter's personal data with it: the read is on the audit trail,
 * written while the view is built (on Node, with concurrent reads' in one transaction).
 */
export async function getAppIncident(context: ServiceContext, agent: AgentCaller, id: string): Promise<Incident> {
  const scope = agentScope(agent)
  const row = await findVisibleIncident(context, scope, id)
  const [view] = await Promise.all([
    majorIncidentView(context, row, scope.maxTier, agent.locale),
    recordAudit(context, agent.appId, actorOfAgent(agent), { action: 'incident.read', incidentId: row.id }),
  ])
  return view
}

/** What a cursor continues: a sort, or a search in arrival order. */
type CursorKind = ListSort | 'search'

/** Cursors are opaque to clients: the sort they belong to and the last row's sort key. */
function encodeCursor(sort: CursorKind, key: CursorValue[]): string {
  return btoa(JSON.stringify([sort, ...key]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

// What each sort's key holds, position by position (see sortKeyOf): a cursor must match it exactly.
const isTime = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value)
const isId = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 64
const cursorShapes: Record<CursorKind, ((value: unknown) => boolean)[]> = {
  '-created': [isTime, isId],
  created: [isTime, isId],
  priority: [(value) => typeof value === 'string' && /^P[1-4]$/.test(value), isTime, isId],
  due: [(value) => value === null || isTime(value), isId],
  // A row's place in the search index (a SQLite rowid).
  search: [(value) => typeof value === 'number' && Number.isSafeInteger(value) && value > 0],
}

function decodeCursor(cursor: string, sort: CursorKind): CursorValue[] {
  try {
    const decoded: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')))
    const shape = cursorShapes[sort]
    if (Array.isArray(decoded) && decoded[0] === sort && decoded.length === shape.length + 1 && shape.every((fits, index) => fits(decoded[index + 1]))) {
      return decoded.slice(1) as CursorValue[]
    }
  } catch {
    // refused below
  }
  throw new DomainError('invalid_parameter', 'The cursor is not one this API gave for this sort. Pass nextCursor from the previous page as it is, with the same sort.')
}

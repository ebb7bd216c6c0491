import { sql } from 'drizzle-orm'
import type { WebhookPayload } from '@triage/protocol'
import { incidents, webhookDeliveries, webhooks } from '../db/schema.ts'
import type { Database } from '../db/database.ts'
import { jsonText } from './json-text.ts'
import type { IncidentRow, NewEvent } from './incident-rows.ts'

/** The incident as a webhook payload shows it: what integrations route on. */
export type IncidentSnapshot = Pick<IncidentRow, 'id' | 'appId' | 'status' | 'priority' | 'tier' | 'category' | 'kind'>

/** The payload of one event; its incident number is filled in by SQL (a new incident's is not known before). */
function webhookPayload(incident: IncidentSnapshot, event: NewEvent): WebhookPayload {
  return {
    id: event.id,
    type: `incident.${event.type}`,
    createdAt: new Date(event.at).toISOString(),
    data: {
      incident: {
        id: incident.id,
        number: '',
        status: incident.status,
        priority: incident.priority,
        tier: incident.tier,
        category: incident.category,
        kind: incident.kind,
      },
      event: { id: event.id, type: event.type, at: new Date(event.at).toISOString(), actor: event.actor, visibility: event.visibility, data: event.data },
    },
  }
}

/** One change to queue deliveries for: the incident as it is after it, its events, and its guard. */
export interface OutboxChange {
  incident: IncidentSnapshot
  events: NewEvent[]
  /** The revision the change wrote: nothing is queued if the incident is not at it (the change lost a race). */
  revision: string
}

/**
 * The statement that queues one delivery per subscribed webhook and event, to run in the same
 * batch as the changes: one statement for all of them (a join of the apps' webhooks with the
 * events as a JSON array), which costs next to nothing for an app without webhooks.
 */
export function outboxStatements(db: Database, changes: OutboxChange[]) {
  const entries = changes.flatMap(({ incident, events, revision }) =>
    events.map((event) => ({ id: event.id, incidentId: incident.id, revision, type: `incident.${event.type}`, at: event.at, payload: webhookPayload(incident, event) })),
  )
  if (entries.length === 0) return []
  const appIds = jsonText([...new Set(changes.map(({ incident }) => incident.appId))])
  // Every column in table order: insert … select is what D1's batch accepts (drizzle#2277).
  // The apps' webhooks come first, then the events, then their incidents by id (CROSS JOIN keeps
  // that order; SQLite would rather scan the app's incidents). Without webhooks the events' JSON
  // is never even parsed: the common case costs one index lookup.
  return [
    db.insert(webhookDeliveries).select(sql`
      select e.value ->> '$.id' || ':' || w.id, w.id, w.app_id, e.value ->> '$.type',
        json_set(e.value -> '$.payload', '$.data.incident.number', printf('INC-%06d', i.number)),
        'pending', 0, e.value ->> '$.at', null, null, e.value ->> '$.at', null
      from ${webhooks} w
        cross join json_each(${jsonText(entries)}) e
        cross join ${incidents} i on i.id = e.value ->> '$.incidentId' and i.revision = e.value ->> '$.revision' and i.app_id = w.app_id
      where w.app_id in (select value from json_each(${appIds})) and w.disabled_at is null
        and (json_array_length(w.events) = 0 or exists (select 1 from json_each(w.events) where value = e.value ->> '$.type'))`),
  ]
}

import { sql } from 'drizzle-orm'
import type { WebhookPayload } from '@triage/protocol'
import { incidents, webhookDeliveries, webhooks } from '../db/schema.ts'
import type { Database } from './database.ts'
import type { IncidentRow, NewEvent } from './incidents.ts'

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

/**
 * The statement that queues one delivery per subscribed webhook and event, to run in the same
 * batch as the change: one statement for all the change's events (a join of the app's webhooks
 * with the events as a JSON array), which costs next to nothing for an app without webhooks.
 * `guard` is the condition under which the change happened (the incident row exists at the new
 * revision), so nothing is queued for a change that lost a race.
 */
export function outboxStatements(db: Database, incident: IncidentSnapshot, events: NewEvent[], guard: { revision: string }) {
  if (events.length === 0) return []
  const queued = JSON.stringify(events.map((event) => ({ id: event.id, type: `incident.${event.type}`, at: event.at, payload: webhookPayload(incident, event) })))
  // Every column in table order: insert … select is what D1's batch accepts (drizzle#2277).
  return [
    db.insert(webhookDeliveries).select(sql`
      select e.value ->> '$.id' || ':' || w.id, w.id, ${incident.appId}, e.value ->> '$.type',
        json_set(e.value -> '$.payload', '$.data.incident.number', (select printf('INC-%06d', ${incidents.number}) from ${incidents} where ${incidents.id} = ${incident.id})),
        'pending', 0, e.value ->> '$.at', null, null, e.value ->> '$.at', null
      from ${webhooks} w, json_each(${queued}) e
      where w.app_id = ${incident.appId} and w.disabled_at is null
        and (json_array_length(w.events) = 0 or exists (select 1 from json_each(w.events) where value = e.value ->> '$.type'))
        and exists (select 1 from ${incidents} where ${incidents.id} = ${incident.id} and ${incidents.revision} = ${guard.revision})`),
  ]
}

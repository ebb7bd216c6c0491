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
 * Statements that queue one delivery per subscribed webhook for each event, to run in the same
 * batch as the change. `guard` is the condition under which the change happened (the incident
 * row exists at the new revision), so nothing is queued for a change that lost a race.
 */
export function outboxStatements(db: Database, incident: IncidentSnapshot, events: NewEvent[], guard: { revision: string }) {
  return events.map((event) => {
    const type = `incident.${event.type}`
    // Every column in table order: insert … select is what D1's batch accepts (drizzle#2277).
    return db.insert(webhookDeliveries).select(sql`
      select ${event.id} || ':' || ${webhooks.id}, ${webhooks.id}, ${incident.appId}, ${type},
        json_set(${JSON.stringify(webhookPayload(incident, event))}, '$.data.incident.number',
          (select printf('INC-%06d', ${incidents.number}) from ${incidents} where ${incidents.id} = ${incident.id})),
        'pending', 0, ${event.at}, null, null, ${event.at}, null
      from ${webhooks}
      where ${webhooks.appId} = ${incident.appId} and ${webhooks.disabledAt} is null
        and (json_array_length(${webhooks.events}) = 0 or exists (select 1 from json_each(${webhooks.events}) where value = ${type}))
        and exists (select 1 from ${incidents} where ${incidents.id} = ${incident.id} and ${incidents.revision} = ${guard.revision})`)
  })
}

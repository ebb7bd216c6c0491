import { signal } from '@preact/signals'
import type { IncidentPresence, PresenceViewer } from '@triage/protocol'
import type { LiveEvent } from './live.ts'

/** Who has each ticket open, from the stream's `presence` events and the heartbeats' answers. */
export const presence = signal<ReadonlyMap<string, PresenceViewer[]>>(new Map())

export function setPresence(update: IncidentPresence): void {
  const next = new Map(presence.value)
  if (update.viewers.length === 0) next.delete(update.incidentId)
  else next.set(update.incidentId, update.viewers)
  presence.value = next
}

export function onPresenceEvent(event: LiveEvent): void {
  if (event.type !== 'presence') return
  const data = event.data as unknown as IncidentPresence
  if (typeof data.incidentId === 'string' && Array.isArray(data.viewers)) setPresence(data)
}

/** The others on a ticket (everyone but `me`). */
export const othersOn = (incidentId: string, me: string | undefined) => (presence.value.get(incidentId) ?? []).filter((viewer) => viewer.id !== me)

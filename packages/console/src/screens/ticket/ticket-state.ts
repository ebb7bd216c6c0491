import { batch, signal } from '@preact/signals'
import type { ChildIncident, Incident, IncidentSummary } from '@triage/protocol'
import { incidents } from '../../api/api.ts'
import { ApiError } from '../../api/transport.ts'
import type { LiveEvent } from '../../state/live.ts'
import { setPresence } from '../../state/presence.ts'

/** How often the console says "I still have this ticket open" (the server forgets a viewer after 30 s). */
export const heartbeatMs = 10_000

/**
 * One open ticket: the enriched incident, its major incident's reports, the actions, live updates
 * and the presence heartbeat. Made per ticket screen; `dispose` stops its timers and says it left.
 */
export function createTicketState(id: string) {
  const incident = signal<Incident | null>(null)
  const children = signal<ChildIncident[]>([])
  const childrenTotal = signal(0)
  const loadError = signal<unknown>(null)
  const busy = signal(false)
  const actionError = signal<unknown>(null)
  const typing = signal(false)
  let controller = new AbortController()
  let disposed = false

  async function load(): Promise<void> {
    controller.abort()
    const mine = (controller = new AbortController())
    try {
      const next = await incidents.get(id, mine.signal)
      if (mine.signal.aborted) return
      batch(() => {
        incident.value = next
        loadError.value = null
      })
      if (next.isMajor) await loadChildren(mine.signal)
    } catch (error) {
      if (!mine.signal.aborted) loadError.value = error
    }
  }

  async function loadChildren(signal?: AbortSignal): Promise<void> {
    const list = await incidents.children(id, signal)
    batch(() => {
      children.value = list.items
      childrenTotal.value = list.total
    })
  }

  /** Runs an action that answers the incident after the change; a failure is shown, not thrown. */
  async function act(action: () => Promise<Incident>): Promise<boolean> {
    busy.value = true
    actionError.value = null
    try {
      incident.value = await action()
      return true
    } catch (error) {
      actionError.value = error
      return false
    } finally {
      busy.value = false
    }
  }

  let refreshTimer: ReturnType<typeof setTimeout> | undefined
  /** A live event: this ticket changed (read it again), or a new report joined this major incident. */
  function onEvent(event: LiveEvent): void {
    if (event.type === 'reconnected') return void load()
    // Escalated beyond the agent's tier: the ticket is no longer theirs to see.
    if (event.type === 'incident_removed' && event.data['id'] === id) {
      batch(() => {
        incident.value = null
        loadError.value = new ApiError(404, {}, null)
      })
      return
    }
    if (event.type !== 'incident') return
    const changed = event.data as unknown as IncidentSummary
    const isChild = incident.value?.isMajor && changed.parentId === id
    if (isChild && !children.value.some((child) => child.id === changed.id)) {
      children.value = [
        {
          id: changed.id,
          number: changed.number,
          status: changed.status,
          priority: changed.priority,
          tier: changed.tier,
          summary: changed.symptoms.slice(0, 80),
          createdAt: changed.createdAt,
        },
        ...children.value,
      ]
      childrenTotal.value += 1
    } else if (isChild) {
      children.value = children.value.map((child) => (child.id === changed.id ? { ...child, status: changed.status, priority: changed.priority, tier: changed.tier } : child))
    }
    if (changed.id === id || isChild) {
      clearTimeout(refreshTimer)
      refreshTimer = setTimeout(() => void load(), 150)
    }
  }

  // Presence: at once, every heartbeatMs, and when typing starts or stops.
  async function beat(): Promise<void> {
    if (disposed) return
    try {
      setPresence(await incidents.presence(id, typing.value))
    } catch (error) {
      // A ticket we may not see answers 404 to this too: the screen already says so.
      if (!(error instanceof ApiError)) return
    }
  }
  const heartbeat = setInterval(() => void beat(), heartbeatMs)
  // A closed tab or a reload says it left too (keepalive: the request outlives the page).
  const onPageHide = () => void incidents.leave(id, true).catch(() => undefined)
  window.addEventListener('pagehide', onPageHide)
  function setTyping(now: boolean): void {
    if (typing.value === now) return
    typing.value = now
    void beat()
  }

  function dispose(): void {
    disposed = true
    controller.abort()
    clearInterval(heartbeat)
    window.removeEventListener('pagehide', onPageHide)
    clearTimeout(refreshTimer)
    void incidents.leave(id).catch(() => undefined)
  }

  void load()
  void beat()
  return { id, incident, children, childrenTotal, loadError, busy, actionError, load, act, onEvent, setTyping, dispose }
}

export type TicketState = ReturnType<typeof createTicketState>

import { signal } from '@preact/signals'

/**
 * The live events stream (`GET /v1/incidents/events`, Server-Sent Events, the session cookie goes
 * with it; docs/console-api.md): a ticket the agent may see was created or changed (`incident`, its
 * summary), left their view (`incident_removed`), or who has a ticket open changed (`presence`).
 * One stream for the whole console; screens subscribe to what they show.
 */

/** One event of the stream, as the console uses it: its SSE event name and its JSON data. */
export interface LiveEvent {
  type: string
  data: Record<string, unknown>
}

type Listener = (event: LiveEvent) => void

/** Whether the stream is open now (the "Live" mark in the top bar). */
export const liveConnected = signal(false)

const listeners = new Set<Listener>()
let source: EventSource | undefined
let retryTimer: ReturnType<typeof setTimeout> | undefined
let retryMs = 1_000
/** Whether the stream was open once since sign-in: a later open is a reconnection. */
let opened = false

/** The event names the stream sends, each with a JSON `data:` line (`end`: it closes, EventSource reconnects). */
export const liveEventTypes = ['incident', 'incident_removed', 'presence'] as const

/** Opens the stream (again after a failure, backing off up to 30 s). Idempotent. */
export function startLive(): void {
  if (source) return
  const stream = new EventSource('/v1/incidents/events', { withCredentials: true })
  source = stream
  stream.addEventListener('open', () => {
    liveConnected.value = true
    retryMs = 1_000
    // What happened while we were away: every subscriber reads afresh (not on the first open:
    // the screens have just read what they show).
    if (opened) emit({ type: 'reconnected', data: {} })
    opened = true
  })
  for (const type of liveEventTypes) {
    stream.addEventListener(type, (event) => {
      const data = parse((event as MessageEvent<string>).data)
      if (data) emit({ type, data })
    })
  }
  stream.addEventListener('error', () => {
    liveConnected.value = false
    // The browser retries an SSE stream by itself, but not after an HTTP error (a 401 or 5xx):
    // then it is CLOSED and we open a new one later.
    if (stream.readyState !== EventSource.CLOSED) return
    source = undefined
    clearTimeout(retryTimer)
    retryTimer = setTimeout(startLive, retryMs)
    retryMs = Math.min(30_000, retryMs * 2)
  })
}

/** Closes the stream (sign-out). */
export function stopLive(): void {
  opened = false
  clearTimeout(retryTimer)
  source?.close()
  source = undefined
  liveConnected.value = false
}

/** Calls `listener` with every event until the returned function is called. */
export function onLive(listener: Listener): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

function emit(event: LiveEvent): void {
  for (const listener of listeners) listener(event)
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

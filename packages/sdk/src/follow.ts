import type { ReportView } from '@triage/protocol'
import { TriageError } from './errors.ts'
import { backoff, retryPolicy } from './retry.ts'
import type { Transport } from './transport.ts'
import { sendRaw } from './transport.ts'

export interface FollowOptions {
  /** The reporter token; default: the one this browser kept when it made the report. */
  token?: string
  /** How often to ask when there is no event stream, in ms. Default 5000. */
  pollMs?: number
}

/**
 * Calls `onUpdate` with the report's view now and on each change, live over the server's event
 * stream (`GET /v1/reports/:id/events`) where `EventSource` exists, else by polling
 * `GET /v1/reports/:id` with If-None-Match, where an unchanged report costs a bodiless 304.
 * A closed report is still followed, since it can be reopened (an agent's reopen or message
 * must show without a reload). Ends when the token no longer opens it (`onError`), or when the
 * returned function is called.
 */
export function followReport(
  transport: Transport,
  id: string,
  token: string,
  onUpdate: (view: ReportView) => void,
  onError: (error: TriageError) => void,
  pollMs = 5_000,
): () => void {
  const path = `/v1/reports/${encodeURIComponent(id)}`
  const controller = new AbortController()
  const { signal } = controller
  let source: EventSource | undefined
  // Ends the current wait between polls early; set by `sleep`, called by `stop`.
  let wake = () => {}
  const stop = () => {
    controller.abort()
    source?.close()
    wake()
  }
  /** Waits `ms`, or less if the follow stops first (no listener per wait: a long follow piles none up). */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })
  // What was delivered last, as JSON: whichever way it came, each change reaches onUpdate once.
  let last = ''
  const deliver = (json: string) => {
    if (json === last || signal.aborted) return
    last = json
    const view = JSON.parse(json) as ReportView
    onUpdate(view)
  }

  async function poll(): Promise<void> {
    let etag = ''
    for (let failures = 0; !signal.aborted; ) {
      try {
        const headers: Record<string, string> = { authorization: `Bearer ${token}` }
        if (etag) headers['if-none-match'] = etag
        const response = await sendRaw(transport, { method: 'GET', path, headers, signal })
        etag = response.headers.get('etag') ?? etag
        failures = 0
        if (response.status === 200) deliver(await response.text())
        await sleep(pollMs)
      } catch (error) {
        if (signal.aborted) return
        if (error instanceof TriageError && !error.retryable) {
          stop()
          onError(error)
          return
        }
        await sleep((error instanceof TriageError && error.retryAfterMs) || backoff(retryPolicy(), ++failures))
      }
    }
  }

  // EventSource cannot go through an app's own fetch, nor set headers: the server takes the
  // token as `?token=` for it. It reconnects by itself after network errors (with Last-Event-ID)
  // and gives up (CLOSED) on an answer that is no event stream, such as a server without the
  // route (404) or a token it refuses: then polling takes over, and tells which.
  if (typeof EventSource === 'function' && !transport.fetch) {
    source = new EventSource(`${transport.endpoint.replace(/\/$/, '')}${path}/events?token=${encodeURIComponent(token)}`)
    source.addEventListener('report', (event) => deliver((event as MessageEvent<string>).data))
    source.onerror = () => {
      if (source?.readyState !== EventSource.CLOSED) return
      source = undefined
      void poll()
    }
  } else {
    void poll()
  }
  return stop
}

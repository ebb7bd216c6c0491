import type { ReportCreated } from '@triage/protocol'
import { TriageError } from './errors.ts'
import type { Queue, QueuedItem } from './queue.ts'
import type { RetryPolicy } from './retry.ts'
import { withRetry } from './retry.ts'
import type { Transport } from './transport.ts'
import { send } from './transport.ts'

export interface DeliveryOptions {
  transport: Transport
  key: string
  retry: RetryPolicy
  queue: Queue
  /** A report from the queue was created (by `flush` or on `pagehide`). */
  onSent: (report: ReportCreated) => void
  /** A queued report the server refused for good (a 4xx other than 429): it left the queue. */
  onRejected: (error: TriageError) => void
}

/** What `flush()` did: reports created now, and those still waiting (the server is still out of reach). */
export interface FlushResult {
  sent: number
  pending: number
}

/**
 * Sends queued reports so that each is created exactly once: the idempotency key travels with
 * the item, and an item leaves the queue only when its fate is settled, a 2xx or a final 4xx.
 * A retry after a lost answer, a second tab or the next page load sending the same item again
 * gets the same incident back from the server.
 */
export function createDelivery({ transport, key, retry, queue, onSent, onRejected }: DeliveryOptions) {
  /** Keys being sent right now by this client, so a flush does not race a report() in flight. */
  const inFlight = new Set<string>()
  let flushing: Promise<FlushResult> | undefined

  async function deliver(item: QueuedItem, keepalive = false): Promise<ReportCreated> {
    inFlight.add(item.key)
    try {
      const body = await queue.body(item)
      const created = await withRetry(
        () =>
          send<ReportCreated>(transport, {
            method: 'POST',
            path: '/v1/reports',
            headers: { 'x-triage-key': key, 'idempotency-key': item.key },
            body,
            keepalive,
          }),
        keepalive ? { ...retry, attempts: 1 } : retry,
      )
      await queue.remove(item)
      return created
    } catch (error) {
      if (error instanceof TriageError && !error.retryable) await queue.remove(item)
      throw error
    } finally {
      inFlight.delete(item.key)
    }
  }

  /**
   * Sends what waits in the queue, oldest first, one at a time, and stops at the first sign the
   * server is still out of reach. A call during a flush joins it.
   */
  async function sendQueued(): Promise<FlushResult> {
    let sent = 0
    for (const item of queue.items()) {
      if (inFlight.has(item.key)) continue
      try {
        onSent(await deliver(item))
        sent++
      } catch (error) {
        if (!(error instanceof TriageError) || error.retryable) break
        onRejected(error)
      }
    }
    return { sent, pending: queue.items().length }
  }
  // `.finally` runs after the assignment, even when the queue is empty and nothing is awaited.
  const flush = () => (flushing ??= sendQueued().finally(() => (flushing = undefined)))

  /**
   * The page is going away: send every queued report with `fetch(…, { keepalive: true })`, which
   * outlives the page. Not `navigator.sendBeacon`: it cannot set headers, and the API needs
   * X-Triage-Key and Idempotency-Key; nor may a cross-origin beacon carry a JSON body type, which
   * is not CORS-safelisted. Answers may never arrive; items without one stay
   * queued and the next page load sends them again under the same key, which the server replays.
   * Browsers cap keepalive bodies at 64 KB in flight; a send over the cap fails and waits likewise.
   */
  function sendBeforeUnload(): void {
    for (const item of queue.items()) {
      deliver(item, true).then(onSent, () => {})
    }
  }

  return { deliver, flush, sendBeforeUnload }
}

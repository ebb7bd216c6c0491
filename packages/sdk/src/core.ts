import type { ReportCreate, ReportCreated, ReportView } from '@triage/protocol'
import type { AppInfo } from './context.ts'
import type { FlushResult } from './delivery.ts'
import { createDelivery } from './delivery.ts'
import { laterPart, TriageError } from './errors.ts'
import type { TriageIntegration } from './integration.ts'
import type { TriageUser } from './prepare.ts'
import { prepareReport } from './prepare.ts'
import type { Queue, QueuedItem } from './queue.ts'
import { createQueue } from './queue.ts'
import type { QueuedReport } from './report-book.ts'
import type { RetryOptions, RetryPolicy } from './retry.ts'
import { retryPolicy, withRetry } from './retry.ts'
import type { TriageStorage } from './storage.ts'
import { defaultStorage } from './storage.ts'
import type { Transport } from './transport.ts'
import { send } from './transport.ts'

export interface TriageCoreOptions {
  /** Base URL of the Triage API, e.g. `https://triage.example.com`. */
  endpoint: string
  /** The app's publishable key (`pk_…`). */
  key: string
  /** Your app's version and environment, sent in each report's context. */
  app?: AppInfo
  /** The reporter's language (BCP 47), for context and diagnostic questions. Default: the browser's. */
  locale?: string
  /**
   * Your own rules, last before sending: return the report (changed or not), or null to drop it
   * (`report()` then rejects with code `dropped`). It sees the context already scrubbed.
   */
  beforeSend?: (report: ReportCreate) => ReportCreate | null
  /** A report the offline queue delivered later: it now has a number and a token. */
  onSent?: (report: ReportCreated) => void
  /**
   * Failures nobody awaits: a queued report the server refused for good (it left the queue;
   * `error.idempotencyKey` names it), or a followed report whose token stopped working.
   */
  onError?: (error: TriageError) => void
  /** A fetch implementation. Default: the global one, looked up at each request. */
  fetch?: typeof fetch
  /** Retries of network errors, 429 and 5xx; any field left out keeps its default. Default: 4 attempts from 300 ms, waits up to 30 s. */
  retry?: RetryOptions
  /** Where the offline queue (and the full client's reports) are kept. Default: localStorage, else memory. */
  storage?: TriageStorage
  /** Optional modules, e.g. `breadcrumbs()` from `@triage/sdk/breadcrumbs`. */
  integrations?: TriageIntegration[]
}

/** A report as `report()` takes it: the protocol's, and files to go with it. */
export interface ReportInput extends ReportCreate {
  /**
   * Screenshots, photos, PDFs or logs (at most 10, 10 MB each, 25 MB in all), sent in one request
   * with the report: the server takes the report and all its files, or nothing. A queued report
   * keeps them (in IndexedDB in browsers, so a reload keeps them too) and goes with them.
   */
  attachments?: Blob[] | undefined
}

export interface ReportOptions {
  /** Reuse to make a retried report count once; default: a new random key per call. A queued report keeps its key. */
  idempotencyKey?: string
}

/** The reporting half of the client: what `createTriageCore` answers, and `createTriage` builds on. */
export interface TriageCore {
  /**
   * Remembers your signed-in user: their name and e-mail prefill each report's contact, and
   * `context.user` carries `{ id, hash }`. `null` forgets them (sign-out).
   * @example
   * triage.identify({ id: 'u_42', name: 'Ada Lovelace', email: 'ada@example.com', userHash })
   */
  identify(user: TriageUser | null): void
  /**
   * Files a report with the page's context, scrubbed. Resolves with the created report, or, when
   * the server cannot be reached (offline, or still failing after the retries), with the report
   * safely saved on this device (`status: 'queued'`): it will be sent once, by itself, when the
   * browser is back online or on the next page load (or by `flush()`), and `onSent` hears of it.
   * Other failures reject with a `TriageError` of the server's code (`validation_failed`…) and
   * are not queued; so does a report the device could not save (`network_error`).
   * @example
   * try {
   *   const report = await triage.report({ symptoms: 'The export button does nothing' })
   *   show(report.status === 'queued' ? 'Saved: it will be sent when you are back online.' : `Ticket ${report.number}`)
   * } catch (error) {
   *   show(error instanceof TriageError ? error.detail : 'Something went wrong.')
   * }
   */
  report(input: ReportInput, options?: ReportOptions): Promise<ReportCreated | QueuedReport>
  /**
   * The reporter's view of a report, once, opened with its reporter token.
   * @example
   * const view = await triage.getReport(report.id, report.reporterToken)
   */
  getReport(reportId: string, token: string): Promise<ReportView>
  /**
   * Sends the offline queue now (it also goes on `online`, on the next page load, on `pagehide`
   * and after any successful report).
   * @example
   * const { sent, pending } = await triage.flush()
   */
  flush(): Promise<FlushResult>
  /**
   * Removes the client's listeners and the integrations' hooks (restoring what they wrapped)
   * and stops following. The queue stays in storage.
   * @example
   * triage.close()
   */
  close(): void
}

/**
 * A fresh idempotency key: 128 random bits in base64. From `crypto.getRandomValues`, which, unlike
 * `crypto.randomUUID`, also exists outside secure contexts (plain-http intranet pages). It must stay
 * unguessable: the same key and body answer the report's token again.
 * @example
 * const idempotencyKey = newIdempotencyKey() // reuse it to retry the same report
 */
export const newIdempotencyKey = (): string => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))

/** What `createTriage` adds onto the core: the parts it shares. */
export interface CoreParts {
  core: TriageCore
  transport: Transport
  retry: RetryPolicy
  queue: Queue
  /** What `close()` runs: listeners, integrations, follows. */
  stops: Set<() => void>
}

/**
 * Builds the core; `onCreated` hears of every report created, sent now or from the queue.
 * Shared by both factories.
 */
export function buildCore(options: TriageCoreOptions, onCreated: (report: ReportCreated, fromQueue?: true) => void): CoreParts {
  const { endpoint, key, integrations = [] } = options
  const transport = { endpoint, fetch: options.fetch }
  const retry = retryPolicy(options.retry)
  const storage = options.storage ?? defaultStorage()
  // The files' store and its IndexedDB code come on first use (see createQueue).
  const queue = createQueue(storage, `triage:queue:${key}`, () => laterPart(import('./files.ts')))
  const stops = new Set<() => void>()
  const { deliver, flush, sendBeforeUnload } = createDelivery({
    transport,
    key,
    retry,
    queue,
    onSent: (report) => onCreated(report, true),
    onRejected: (error) => options.onError?.(error),
  })
  let user: TriageUser | null = null

  const core: TriageCore = {
    identify(next) {
      user = next
    },

    async report({ attachments, ...input }, { idempotencyKey = newIdempotencyKey() } = {}) {
      // A report sent again under its key goes as first prepared: the server answers a key
      // replayed with another body (new breadcrumbs, a new URL) with idempotency_key_reused.
      const waiting = queue.items().find((item) => item.key === idempotencyKey)
      const body = waiting ? waiting.body : prepareReport(input, user, options, integrations)
      if (!body) throw new TriageError('dropped', 0, 'beforeSend dropped the report: nothing was sent.')
      const item: QueuedItem = { key: idempotencyKey, body, at: waiting?.at ?? new Date().toISOString() }
      // Saved before it is sent: if the page closes mid-request, the next load sends it (same key).
      const saved = await queue.put(item, attachments)
      try {
        if (globalThis.navigator?.onLine === false) throw new TriageError('network_error', 0, 'The browser is offline.', { idempotencyKey })
        const created = await deliver(item)
        onCreated(created)
        // The server answers again: send what waited.
        void flush()
        return created
      } catch (error) {
        if (!saved || !(error instanceof TriageError) || !error.retryable) throw error
        return { status: 'queued', idempotencyKey, symptoms: body.symptoms, queuedAt: item.at }
      }
    },

    getReport: (reportId, token) =>
      withRetry(() => send<ReportView>(transport, { method: 'GET', path: `/v1/reports/${encodeURIComponent(reportId)}`, headers: { authorization: `Bearer ${token}` } }), retry),

    flush,

    close() {
      for (const stop of stops) stop()
      stops.clear()
    },
  }

  for (const integration of integrations) stops.add(integration.setup({ endpoint }))
  // Browsers only (Node has no window): send the queue when the connection is back, and
  // before the page goes away.
  if (typeof window !== 'undefined') {
    addEventListener('online', flush)
    addEventListener('pagehide', sendBeforeUnload)
    stops.add(() => {
      removeEventListener('online', flush)
      removeEventListener('pagehide', sendBeforeUnload)
    })
  }
  // What an earlier page (or process, with a persistent storage) left behind.
  void flush()
  return { core, transport, retry, queue, stops }
}

/**
 * The smallest client: identify, report, getReport, flush and close, with the context, scrubbing,
 * retries and offline queue of the full one. For pages that only file reports (the widget,
 * error reporting from code); `createTriage` adds following, replies, diagnosis and `myReports`.
 *
 * @example
 * import { createTriageCore } from '@triage/sdk'
 *
 * const triage = createTriageCore({ endpoint: 'https://triage.example.com', key: 'pk_…' })
 * const { number } = await triage.report({ symptoms: 'Checkout fails with a blank page' })
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTriageCore(options: TriageCoreOptions): TriageCore {
  return buildCore(options, (report, fromQueue) => fromQueue && options.onSent?.(report)).core
}

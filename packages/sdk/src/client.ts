import type { ReportCreate, ReportCreated, ReportView } from '@triage/protocol'
import type { RetryOptions } from './retry.ts'
import { defaultRetry, withRetry } from './retry.ts'
import { send } from './transport.ts'

export interface TriageOptions {
  /** Base URL of the Triage API, e.g. `https://triage.example.com`. */
  endpoint: string
  /** The app's publishable key (`pk_…`). */
  key: string
  /** Retry policy for network errors, 429 and 5xx. Default: 4 attempts from 300 ms. */
  retry?: RetryOptions
  /** A fetch implementation; default: the global one. */
  fetch?: typeof fetch
}

export interface ReportOptions {
  /** Reuse to make a retried report count once; default: a new random UUID. */
  idempotencyKey?: string
}

export interface TriageClient {
  /** Files a report. Retries keep the same idempotency key, so the ticket is created once. */
  report(input: ReportCreate, options?: ReportOptions): Promise<ReportCreated>
  /** The reporter's view of a report, with the token `report` returned. */
  getReport(id: string, reporterToken: string): Promise<ReportView>
}

/**
 * Creates a client for one app.
 *
 * @example
 * const triage = createTriage({ endpoint: 'http://localhost:8787', key: 'pk_demo' })
 * const ticket = await triage.report({ symptoms: 'The export button does nothing' })
 * console.log(ticket.number, ticket.status)
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTriage(options: TriageOptions): TriageClient {
  const transport = { endpoint: options.endpoint, fetch: options.fetch }
  const retry = options.retry ?? defaultRetry
  return {
    report(input, reportOptions = {}) {
      const idempotencyKey = reportOptions.idempotencyKey ?? crypto.randomUUID()
      return withRetry(
        () =>
          send<ReportCreated>(transport, {
            method: 'POST',
            path: '/v1/reports',
            headers: { 'x-triage-key': options.key, 'idempotency-key': idempotencyKey },
            body: input,
          }),
        retry,
      )
    },
    getReport(id, reporterToken) {
      return withRetry(
        () =>
          send<ReportView>(transport, {
            method: 'GET',
            path: `/v1/reports/${encodeURIComponent(id)}`,
            headers: { authorization: `Bearer ${reporterToken}` },
          }),
        retry,
      )
    },
  }
}

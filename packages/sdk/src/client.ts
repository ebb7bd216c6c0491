import type { AttachmentCreated, DeflectionCreated, DiagnosticsResult, NoticeList, ReportCreated, ReportView } from '@triage/protocol'
import type { ReportInput, ReportOptions, TriageCore, TriageCoreOptions } from './core.ts'
import { newIdempotencyKey } from './core.ts'
import type { TriageIntegration } from './integration.ts'
import { buildCore } from './core.ts'
import { laterPart, TriageError } from './errors.ts'
import type { TriageUser } from './prepare.ts'
import type { FollowOptions } from './follow.ts'
import type { MyReport, QueuedReport } from './report-book.ts'
import { createReportBook } from './report-book.ts'
import { withRetry } from './retry.ts'
import { defaultStorage } from './storage.ts'
import { send } from './transport.ts'

export interface TriageOptions extends Omit<TriageCoreOptions, 'onSent'> {
  /** A report the offline queue delivered later: it now has a number and a token (also in `myReports()`). */
  onSent?: (report: Report) => void
}

/** The token of the report (default: the one kept in this browser), and for confirm/reopen the reporter's reason. */
export interface ActionOptions {
  token?: string
  reason?: string
}

/** Attaching a file: the report's token (default: the one kept in this browser), and a key to retry it under. */
export interface AttachOptions {
  token?: string
  /** Reuse to make a retried upload store one attachment; default: a new random key per call. */
  idempotencyKey?: string
}

/**
 * A created report: the server's answer (`number`, `reporterToken`, `status`…) with what the
 * reporter can do next. The methods are its own properties, so a copy (`{ ...report }`) keeps
 * them, and JSON leaves them out: the object serialises to the answer alone.
 */
export interface Report extends ReportCreated {
  /** @see TriageClient.follow */
  follow(onUpdate: (view: ReportView) => void): () => void
  reply(text: string): Promise<ReportView>
  confirm(reason?: string): Promise<ReportView>
  reopen(reason?: string): Promise<ReportView>
}

export interface TriageClient extends TriageCore {
  /**
   * Files a report; see {@link TriageCore.report}. Resolves with a {@link Report}, the created
   * ticket and its actions, or with the report queued on this device (`status: 'queued'`).
   * @example
   * const report = await triage.report({ symptoms: 'The export button does nothing' })
   * if (report.status !== 'queued') report.follow((view) => render(view))
   */
  report(input: ReportInput, options?: ReportOptions): Promise<Report | QueuedReport>
  /**
   * Adds a file to a report already sent (a screenshot, photo, PDF or log, at most 10 MB). Its
   * type is decided by its bytes on the server: anything else rejects with a `TriageError` of status
   * 415; too big, or over the report's 25 MB or the app's quota, 413. Network failures and 5xx are
   * retried under one idempotency key, so a retry stores one attachment, never two.
   * @example
   * const { id, size } = await triage.attach(report.id, fileInput.files[0])
   */
  attach(reportId: string, file: Blob, options?: AttachOptions): Promise<AttachmentCreated>
  /**
   * The reporter's view of a report, once; the token defaults to the one this browser kept.
   * @example
   * const view = await triage.getReport(report.id)
   */
  getReport(reportId: string, token?: string): Promise<ReportView>
  /**
   * Guided diagnosis before a report: the likely category, questions to ask, and resolved
   * incidents whose public note may already answer it.
   * `category` asks for that category's questions instead of the guessed one's (the reporter picked it).
   * @example
   * const { category, questions, similar } = await triage.diagnose('I cannot log in')
   * const billing = await triage.diagnose('I cannot log in', { category: 'billing' })
   */
  diagnose(symptoms: string, options?: { category?: string | undefined }): Promise<DiagnosticsResult>
  /**
   * The app's known problems (open major incidents), in the words its agents wrote for everyone.
   * To say "me too", file a report with `notice` set to one's id: it joins that major incident.
   * @example
   * const { items } = await triage.notices()
   * if (items[0]) await triage.report({ symptoms: items[0].text, notice: items[0].id })
   */
  notices(): Promise<NoticeList>
  /**
   * Tells the server that a suggested resolution (`similar[i].number` from `diagnose`) solved the
   * problem, and no report will be filed: it counts toward the app's deflection rate. Nothing the
   * visitor wrote is sent.
   * @example
   * const { similar } = await triage.diagnose(text)
   * // …the visitor says the first suggestion solved it:
   * await triage.deflected(similar[0].number)
   */
  deflected(number: string): Promise<DeflectionCreated>
  /**
   * Calls `onUpdate` with the report's view now and at each change: live over Server-Sent
   * Events where the browser has EventSource, else by cheap ETag polling. A closed report is
   * still followed (it can be reopened). Answers the function that stops it. Throws a `TriageError` of code
   * `no_token` for a report this browser did not make, unless `{ token }` is given.
   * @example
   * const stop = triage.follow(report.id, (view) => render(view.status, view.timeline))
   */
  follow(reportId: string, onUpdate: (view: ReportView) => void, options?: FollowOptions): () => void
  /**
   * Answers the agent (a report waiting on the reporter goes back to in progress).
   * @example
   * await triage.reply(report.id, 'It happens in Firefox too.')
   */
  reply(reportId: string, text: string, options?: ActionOptions): Promise<ReportView>
  /**
   * The reporter confirms the fix: a resolved report closes.
   * @example
   * await triage.confirm(report.id)
   */
  confirm(reportId: string, options?: ActionOptions): Promise<ReportView>
  /**
   * The reporter says it is not fixed: a resolved or closed report reopens.
   * @example
   * await triage.reopen(report.id, { reason: 'Still failing after the update.' })
   */
  reopen(reportId: string, options?: ActionOptions): Promise<ReportView>
  /**
   * The reports made from this browser, newest first: queued ones (`status: 'queued'`), then
   * sent ones with their current status (the last one seen when the server is out of reach).
   * Reports whose token no longer opens them are forgotten.
   * @example
   * for (const report of await triage.myReports()) {
   *   console.log(report.status === 'queued' ? `waiting: ${report.symptoms}` : `${report.number}: ${report.status}`)
   * }
   */
  myReports(): Promise<MyReport[]>
  /** The app's publishable key this client reports with. */
  readonly key: string
  /** The integrations the client was created with (a widget riding on it previews their context). */
  readonly integrations: readonly TriageIntegration[]
}

/**
 * Creates the full client for one app: everything of {@link createTriageCore} (context,
 * scrubbing, retries, offline queue) plus following, replies, diagnosis and `myReports`. In a
 * browser it also sends what an earlier page left in the offline queue, and listens for `online`
 * and `pagehide` to send what waits.
 *
 * @example
 * import { createTriage } from '@triage/sdk'
 *
 * const triage = createTriage({ endpoint: 'https://triage.example.com', key: 'pk_…', app: { version: '2.4.1', environment: 'production' } })
 * const report = await triage.report({ symptoms: 'The export button does nothing' })
 * console.log(report.number) // INC-000123
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTriage(options: TriageOptions): TriageClient {
  const storage = options.storage ?? defaultStorage()
  const reports = createReportBook(storage, `triage:reports:${options.key}`)
  const { core, transport, retry, queue, stops } = buildCore({ ...options, storage, onSent: undefined }, (answer, fromQueue) => {
    reports.save(answer)
    if (fromQueue) options.onSent?.(withActions(answer))
  })

  function withActions(answer: ReportCreated): Report {
    const token = answer.reporterToken
    return {
      ...answer,
      follow: (onUpdate) => client.follow(answer.id, onUpdate, { token }),
      reply: (text) => client.reply(answer.id, text, { token }),
      confirm: (reason) => client.confirm(answer.id, { token, reason }),
      reopen: (reason) => client.reopen(answer.id, { token, reason }),
    }
  }

  function tokenOf(reportId: string, token: string | undefined): string {
    const known = token ?? reports.find(reportId)?.reporterToken
    if (!known) throw new TriageError('no_token', 0, `This browser has no reporter token for report ${reportId}: pass { token }.`)
    return known
  }

  /** Keeps the last status and category seen in the book, for `myReports()` offline. */
  function seen(view: ReportView): ReportView {
    const known = reports.find(view.id)
    if (known) reports.save({ ...known, status: view.status, category: view.category })
    return view
  }

  async function act(reportId: string, action: string, body: object, token: string | undefined): Promise<ReportView> {
    const request = {
      method: 'POST',
      path: `/v1/reports/${encodeURIComponent(reportId)}/${action}`,
      headers: { authorization: `Bearer ${tokenOf(reportId, token)}` },
      body,
    } as const
    // Not idempotent: a lost answer may mean it was done, so only "not now" answers are retried.
    return seen(await withRetry(() => send<ReportView>(transport, request), retry, false))
  }

  /** The reporter's language, for the server's words (questions, notices). */
  const locale = () => options.locale ?? globalThis.navigator?.language ?? 'en'

  // Kept here too: a verified user's reports are fetched from the server by `myReports`.
  let identified: TriageUser | null = null

  const client: TriageClient = {
    ...core,
    identify(user) {
      identified = user
      core.identify(user)
    },
    async report(input, reportOptions) {
      const answer = await core.report(input, reportOptions)
      return answer.status === 'queued' ? answer : withActions(answer)
    },
    getReport: async (reportId, token) => seen(await core.getReport(reportId, tokenOf(reportId, token))),

    diagnose(symptoms, { category } = {}) {
      // The start of the text is enough to diagnose, and keeps the URL well under server limits.
      const query = new URLSearchParams({ symptoms: symptoms.slice(0, 1_000), locale: locale() })
      if (category) query.set('category', category)
      return withRetry(() => send<DiagnosticsResult>(transport, { method: 'GET', path: `/v1/diagnostics?${query}`, headers: { 'x-triage-key': options.key } }), retry)
    },

    // One attempt: a notice only helps, and a page should not wait for it.
    notices: () => send<NoticeList>(transport, { method: 'GET', path: `/v1/notices?locale=${encodeURIComponent(locale())}`, headers: { 'x-triage-key': options.key } }),

    // One attempt, as notices: a count is not idempotent (a retry after a lost answer may count it
    // twice), and a lost one only lowers the dashboard's deflection rate.
    deflected: (number) => send<DeflectionCreated>(transport, { method: 'POST', path: '/v1/deflections', headers: { 'x-triage-key': options.key }, body: { number } }),

    follow(reportId, onUpdate, { token, pollMs } = {}) {
      const known = tokenOf(reportId, token)
      // Following comes on first use: a page that only files reports never downloads it.
      let stop: (() => void) | undefined
      let stopped = false
      void laterPart(import('./follow.ts')).then(
        ({ followReport }) => {
          if (!stopped)
            stop = followReport(
              transport,
              reportId,
              known,
              (view) => onUpdate(seen(view)),
              (error) => options.onError?.(error),
              pollMs,
            )
        },
        // The part could not be fetched (a split bundle, offline): follow it again later.
        (error) => options.onError?.(error),
      )
      const end = () => {
        stopped = true
        stop?.()
        stops.delete(end)
      }
      stops.add(end)
      return end
    },

    async attach(reportId, file, { token, idempotencyKey = newIdempotencyKey() } = {}) {
      const headers = { authorization: `Bearer ${tokenOf(reportId, token)}`, 'idempotency-key': idempotencyKey }
      const form = (await laterPart(import('./files.ts'))).fileForm(file)
      return withRetry(() => send<AttachmentCreated>(transport, { method: 'POST', path: `/v1/reports/${encodeURIComponent(reportId)}/attachments`, headers, body: form }), retry)
    },

    reply: (reportId, text, { token } = {}) => act(reportId, 'messages', { body: text }, token),
    confirm: (reportId, { token, reason } = {}) => act(reportId, 'confirm', { reason }, token),
    reopen: (reportId, { token, reason } = {}) => act(reportId, 'reopen', { reason }, token),

    key: options.key,
    integrations: options.integrations ?? [],

    // The list comes on first use, as following does: a page that only files reports never downloads it.
    myReports: async () => (await laterPart(import('./my-reports.ts'))).listMyReports({ transport, key: options.key, retry, reports, queue, user: identified, seen }),
  }
  return client
}

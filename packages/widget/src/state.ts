import { batch, computed, signal } from '@preact/signals'
import type { ReportContact, ReportCreate, ReportCreated, ReportView, TriageCore } from '@triage/sdk'
import { TriageError } from '@triage/sdk'
import type { LastReport, LastReportStore } from './last-report.ts'

export type Step = 'describe' | 'confirmation'

export interface WidgetStateOptions {
  client: TriageCore
  store: LastReportStore
  onSubmit?: ((report: ReportCreated) => void) | undefined
}

/** The fields of a report as the reporter sees them, whichever answer is the freshest. */
export interface ReportSummary {
  number: string
  status: ReportView['status']
  category: string
  priority: ReportView['priority']
}

/** Answers that mean the stored reporter token no longer opens the report. */
const goneStatuses = new Set([401, 403, 404])

/**
 * One widget's state: a signal per piece of state, derived values as `computed`, and the
 * actions that change them. Created per `mount`, so two widgets never share state.
 */
export function createWidgetState({ client, store, onSubmit }: WidgetStateOptions) {
  const isOpen = signal(false)
  const step = signal<Step>('describe')
  const symptoms = signal('')
  const name = signal('')
  const email = signal('')
  /** Set when the reporter sends an empty description. */
  const symptomsMissing = signal(false)
  const sending = signal(false)
  /** The SDK's error detail when sending failed (`''` when it had none); `null` when nothing failed. */
  const sendError = signal<string | null>(null)
  /** The server's answer to the report just sent; shown by the confirmation step. */
  const created = signal<ReportCreated | null>(null)
  /** The report the reporter follows (the last one sent, kept across reloads) and its latest view. */
  const last = signal<LastReport | null>(store.read())
  const lastView = signal<ReportView | null>(null)

  const confirmed = computed<ReportSummary | null>(() => {
    const report = created.value
    const view = lastView.value
    return report && view?.id === report.id ? view : report
  })

  // A retried send of the same report reuses its idempotency key, so a report whose answer was
  // lost on the way is not filed twice; a changed report gets a new key (the server refuses a
  // reused key with another body).
  let pending: { body: string; idempotencyKey: string } | undefined

  let refreshing: string | undefined
  /** Fetches the followed report's current view; forgets the report when its token no longer works. */
  async function refresh(): Promise<void> {
    const report = last.value
    if (!report || refreshing === report.id) return
    refreshing = report.id
    try {
      const view = await client.getReport(report.id, report.reporterToken)
      if (last.value?.id === view.id) lastView.value = view
    } catch (error) {
      if (error instanceof TriageError && goneStatuses.has(error.status) && last.value?.id === report.id) {
        store.forget()
        last.value = null
      }
    } finally {
      if (refreshing === report.id) refreshing = undefined
    }
  }

  function open(): void {
    isOpen.value = true
    if (!lastView.value) void refresh()
  }

  async function submit(): Promise<void> {
    if (sending.value) return
    const text = symptoms.value.trim()
    symptomsMissing.value = text === ''
    if (!text) return

    const contact: ReportContact = {}
    if (name.value.trim()) contact.name = name.value.trim()
    if (email.value.trim()) contact.email = email.value.trim()
    const input: ReportCreate = contact.name || contact.email ? { symptoms: text, contact } : { symptoms: text }
    const body = JSON.stringify(input)
    const idempotencyKey = pending?.body === body ? pending.idempotencyKey : crypto.randomUUID()
    pending = { body, idempotencyKey }

    batch(() => {
      sending.value = true
      sendError.value = null
    })
    let report: ReportCreated
    try {
      report = await client.report(input, { idempotencyKey })
    } catch (error) {
      // Keep what the reporter typed: they fix or retry, never type it again.
      sendError.value = error instanceof TriageError ? error.detail : ''
      return
    } finally {
      sending.value = false
    }

    pending = undefined
    const followed = { id: report.id, number: report.number, reporterToken: report.reporterToken }
    store.save(followed)
    batch(() => {
      created.value = report
      last.value = followed
      lastView.value = null
      step.value = 'confirmation'
    })
    void refresh()
    onSubmit?.(report)
  }

  /** Back to an empty description, to report something else. */
  function startOver(): void {
    batch(() => {
      step.value = 'describe'
      created.value = null
      symptoms.value = ''
      symptomsMissing.value = false
      sendError.value = null
    })
  }

  return {
    isOpen,
    step,
    symptoms,
    name,
    email,
    symptomsMissing,
    sending,
    sendError,
    created,
    confirmed,
    last,
    lastView,
    open,
    submit,
    refresh,
    startOver,
  }
}

export type WidgetState = ReturnType<typeof createWidgetState>

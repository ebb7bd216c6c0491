import { batch, computed, signal } from '@preact/signals-core'
import type { DiagnosticsResult, MyReport, Notice, ReportContact, ReportCreate, ReportCreated, ReportView, SimilarResolution, TriageUser } from '@triage/sdk'
import { createTriage, newIdempotencyKey, TriageError } from '@triage/sdk'
import type { ContextPart } from './context-parts.ts'
import { withoutParts } from './context-parts.ts'
import { minWords, visibleQuestions, wordCount } from './diagnosis.ts'
import type { Locale } from './i18n/index.ts'
import type { Prefill } from './options.ts'
import type { PanelOptions } from './panel/attach-type.ts'

/** The screens of the journey, one at a time. `report` is the confirmation and the follow-up. */
export type Step = 'describe' | 'diagnose' | 'contact' | 'review' | 'queued' | 'deflected' | 'report' | 'reports'

/** How long the reporter pauses typing before we look for similar resolved incidents. */
const suggestDelayMs = 400

/** The fields of a report as the reporter sees them, whichever answer is the freshest. */
export type ReportSummary = Pick<ReportView, 'number' | 'status' | 'category' | 'priority' | 'summary' | 'emailUpdates'> & Partial<Pick<ReportView, 'slaPromise' | 'timeline'>>

/**
 * One widget's state: a signal per piece of state, derived values as `computed`, and the actions
 * that change them. Created per `mount`, so two widgets never share state; the SDK does the HTTP.
 */
export function createWidgetState(options: PanelOptions, locale: Locale) {
  const isOpen = signal(false)
  const step = signal<Step>('describe')
  const symptoms = signal('')
  const symptomsMissing = signal(false)
  const name = signal('')
  const email = signal('')
  /** The reporter went on with an e-mail address the browser says cannot be one. */
  const emailInvalid = signal(false)
  const diagnosis = signal<DiagnosticsResult | null>(null)
  /** The category the reporter picked instead of the guessed one. */
  const picked = signal<string | undefined>(undefined)
  const answers = signal<Record<string, string>>({})
  const questionIndex = signal(0)
  /** The reporter said the suggestion did not solve it. */
  const dismissed = signal(false)
  /** The context parts the reporter unticked at the review step. */
  const left = signal<ContextPart[]>([])
  const sending = signal(false)
  /** The SDK's error detail when sending (or a follow-up action) failed; `null` when nothing failed. */
  const error = signal<string | null>(null)
  /** The report on screen: the one just sent, or one picked from "My reports". */
  const report = signal<ReportCreated | null>(null)
  const justSent = signal(false)
  const view = signal<ReportView | null>(null)
  const reply = signal('')
  const acting = signal(false)
  const reports = signal<MyReport[] | null>(null)
  /** The app's known problems, read each time the panel opens. */
  const notices = signal<Notice[]>([])

  const questions = computed(() => visibleQuestions(diagnosis.value?.questions ?? [], answers.value))
  /** How many questions may be asked in all: those shown and those a coming answer may add. */
  const possibleQuestions = computed(() => visibleQuestions(diagnosis.value?.questions ?? [], answers.value, true).length)
  const suggestion = computed<SimilarResolution | undefined>(() =>
    dismissed.value || wordCount(symptoms.value) < minWords ? undefined : diagnosis.value?.similar.find((similar) => similar.publicNote),
  )
  const summary = computed<ReportSummary | null>(() => {
    const shown = report.value
    const latest = view.value
    return shown && latest?.id === shown.id ? latest : shown
  })

  const client = createTriage({
    endpoint: options.endpoint,
    key: options.key,
    locale,
    fetch: options.fetch,
    integrations: options.integrations,
    beforeSend: (body) => withoutParts(body, left.value),
    // A report the offline queue delivered: show its ticket if the reporter is still waiting for it.
    onSent(created) {
      if (step.value === 'queued') show(created, true)
      options.onSubmit?.(created)
    },
  })

  let suggestTimer: ReturnType<typeof setTimeout> | undefined
  let asked = 0
  /** Loads the diagnosis for the text (and picked category); a later question wins over an earlier answer. */
  async function diagnose(): Promise<void> {
    clearTimeout(suggestTimer)
    const ask = ++asked
    try {
      const result = await client.diagnose(symptoms.value.trim(), { category: picked.value })
      if (ask === asked) diagnosis.value = result
    } catch {
      // Diagnosis only helps: without it (offline, server down) the reporter goes straight on.
    }
  }

  function setSymptoms(text: string): void {
    batch(() => {
      symptoms.value = text
      if (text.trim()) symptomsMissing.value = false
    })
    clearTimeout(suggestTimer)
    if (wordCount(text) >= minWords) suggestTimer = setTimeout(() => void diagnose(), suggestDelayMs)
  }

  /** From the description to the questions (or the contact step when there are none). */
  async function describeDone(): Promise<void> {
    if (!symptoms.value.trim()) {
      symptomsMissing.value = true
      return
    }
    if (!diagnosis.value || suggestTimer !== undefined) await diagnose()
    suggestTimer = undefined
    batch(() => {
      questionIndex.value = 0
      step.value = questions.value.length > 0 ? 'diagnose' : 'contact'
    })
  }

  function answer(questionId: string, value: string): void {
    answers.value = { ...answers.value, [questionId]: value }
  }

  async function pickCategory(category: string): Promise<void> {
    batch(() => {
      picked.value = category
      answers.value = {}
      questionIndex.value = 0
    })
    await diagnose()
  }

  function nextQuestion(): void {
    if (questionIndex.value < questions.value.length - 1) questionIndex.value++
    else step.value = 'contact'
  }

  function previousQuestion(): void {
    if (questionIndex.value > 0) questionIndex.value--
    else step.value = 'describe'
  }

  /** The suggestion solved it: no ticket, a thank-you, and the app hears of it. */
  function deflect(): void {
    const similar = suggestion.value
    if (!similar) return
    step.value = 'deflected'
    options.onDeflect?.({ symptoms: symptoms.value.trim(), similar })
  }

  function toggleContext(part: ContextPart, keep: boolean): void {
    left.value = keep ? left.value.filter((name) => name !== part) : [...left.value, part]
  }

  /** The report's start: what the reporter wrote (or the known problem they have too) and how to reach them. */
  function withContact(input: ReportCreate): ReportCreate {
    const contact: ReportContact = {}
    if (name.value.trim()) contact.name = name.value.trim()
    if (email.value.trim()) contact.email = email.value.trim()
    if (contact.name || contact.email) input.contact = contact
    return input
  }

  /**
   * What will be sent, built from the journey: only the answers to questions still shown, and the
   * category they were about (shown, and changeable, from the first question on): the reporter's choice.
   */
  function reportInput(): ReportCreate {
    const input = withContact({ symptoms: symptoms.value.trim() })
    const given: Record<string, string> = {}
    for (const question of questions.value) {
      const value = answers.value[question.id]
      if (value?.trim()) given[question.id] = value.trim()
    }
    if (Object.keys(given).length > 0) input.answers = given
    if (diagnosis.value) input.category = diagnosis.value.category.value
    return input
  }

  // A retried send of the same report reuses its idempotency key, so a report whose answer was
  // lost on the way is not filed twice; a changed report gets a new key (the server refuses a
  // reused key with another body).
  let pending: { body: string; idempotencyKey: string } | undefined

  async function send(input = reportInput()): Promise<void> {
    if (sending.value) return
    const body = JSON.stringify([input, left.value])
    const idempotencyKey = pending?.body === body ? pending.idempotencyKey : newIdempotencyKey()
    pending = { body, idempotencyKey }
    batch(() => {
      sending.value = true
      error.value = null
    })
    try {
      const created = await client.report(input, { idempotencyKey })
      pending = undefined
      show(created, true)
      options.onSubmit?.(created)
    } catch (failure) {
      if (failure instanceof TriageError && failure.code === 'queued') {
        pending = undefined
        step.value = 'queued'
      } else {
        // Keep what the reporter typed: they fix or retry, never type it again.
        error.value = failure instanceof TriageError ? failure.detail : ''
      }
    } finally {
      sending.value = false
    }
  }

  let stopFollowing = () => {}
  /** Shows a report and follows it live (the SDK's event stream, or polling), until closed. */
  function show(shown: ReportCreated, fresh: boolean): void {
    stopFollowing()
    batch(() => {
      report.value = shown
      justSent.value = fresh
      view.value = null
      error.value = null
      step.value = 'report'
    })
    follow()
  }

  function follow(): void {
    const shown = report.value
    if (!shown) return
    let status = view.value?.status ?? shown.status
    stopFollowing()
    stopFollowing = client.follow(
      shown.id,
      (next) => {
        if (report.value?.id !== next.id) return
        view.value = next
        if (next.status !== status) options.onStatusChange?.(next)
        status = next.status
      },
      { token: shown.reporterToken },
    )
  }

  /** "Me too" on a known problem: one report that joins it, followed like the reporter's own. */
  function meToo(notice: Notice): Promise<void> {
    return send(withContact({ symptoms: notice.text, notice: notice.id }))
  }

  async function loadNotices(): Promise<void> {
    try {
      notices.value = (await client.notices()).items
    } catch {
      // A notice only helps: without it the reporter describes the problem as usual.
    }
  }

  /**
   * Reply, confirm or reopen: the answer is the report's new view. On a resolved report the reply
   * says what is still wrong (the server reopens it); "Still broken" with nothing written reopens.
   */
  async function act(action: 'reply' | 'confirm' | 'reopen'): Promise<void> {
    const shown = report.value
    if (!shown || acting.value) return
    const text = reply.value.trim()
    if (action === 'reply' && !text) return
    batch(() => {
      acting.value = true
      error.value = null
    })
    const token = { token: shown.reporterToken }
    try {
      const next = action === 'reply' ? await client.reply(shown.id, text, token) : await client[action](shown.id, token)
      batch(() => {
        if (action === 'reply') reply.value = ''
        view.value = next
      })
    } catch (failure) {
      error.value = failure instanceof TriageError ? failure.detail : ''
      // Refused: the report changed meanwhile (a closed one takes no message). Show it as it is
      // now, with its way on (Reopen), and keep what the reporter wrote.
      if (failure instanceof TriageError && failure.status === 409) view.value = await client.getReport(shown.id, shown.reporterToken).catch(() => view.value)
    } finally {
      acting.value = false
    }
  }

  async function showReports(): Promise<void> {
    batch(() => {
      reports.value = null
      step.value = 'reports'
    })
    try {
      reports.value = await client.myReports()
    } catch {
      reports.value = []
    }
  }

  /** Back to an empty description, to report something else. */
  function startOver(): void {
    stopFollowing()
    batch(() => {
      step.value = 'describe'
      symptoms.value = ''
      symptomsMissing.value = false
      diagnosis.value = null
      picked.value = undefined
      answers.value = {}
      dismissed.value = false
      left.value = []
      error.value = null
      report.value = null
      view.value = null
    })
  }

  function identify(user: TriageUser | null): void {
    client.identify(user)
    batch(() => {
      if (user?.name && !name.value) name.value = user.name
      if (user?.email && !email.value) email.value = user.email
    })
  }

  function prefill(values: Prefill): void {
    batch(() => {
      if (values.symptoms !== undefined) setSymptoms(values.symptoms)
      if (values.contact?.name !== undefined) name.value = values.contact.name
      if (values.contact?.email !== undefined) email.value = values.contact.email
    })
  }

  function destroy(): void {
    clearTimeout(suggestTimer)
    stopFollowing()
    client.close()
  }

  return {
    isOpen,
    step,
    symptoms,
    symptomsMissing,
    name,
    email,
    emailInvalid,
    diagnosis,
    picked,
    answers,
    questionIndex,
    questions,
    suggestion,
    dismissed,
    left,
    sending,
    error,
    report,
    justSent,
    view,
    summary,
    reply,
    acting,
    reports,
    notices,
    possibleQuestions,
    integrations: options.integrations ?? [],
    setSymptoms,
    describeDone,
    answer,
    pickCategory,
    nextQuestion,
    previousQuestion,
    deflect,
    toggleContext,
    send,
    meToo,
    loadNotices,
    show,
    act,
    showReports,
    startOver,
    identify,
    prefill,
    destroy,
  }
}

export type WidgetState = ReturnType<typeof createWidgetState>

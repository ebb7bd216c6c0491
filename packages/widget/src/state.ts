import { batch, computed, signal } from '@preact/signals-core'
import { visibleQuestions } from '@triage/protocol'
import type { DiagnosticsResult, MyReport, Notice, ReportContact, ReportCreated, ReportInput, ReportView, SimilarResolution, TriageUser } from '@triage/sdk'
import { createTriage, newIdempotencyKey, TriageError } from '@triage/sdk'
import type { ContextPart } from './context-parts.ts'
import { leftOut } from './context-parts.ts'
import { minWords, wordCount } from './diagnosis.ts'
import type { Locale } from './i18n/index.ts'
import type { Prefill } from './options.ts'
import type { PanelOptions } from './panel/attach-type.ts'
import type { Move, Position } from './transitions.ts'
import { nextPosition } from './transitions.ts'

/** How long the reporter pauses typing before we look for similar resolved incidents. */
const suggestDelayMs = 400

/**
 * One widget's state: a signal per piece of state, derived values as `computed`, and the actions
 * that change them. Created per `mount`, so two widgets never share state; the SDK does the HTTP,
 * with the app's own client when `mount` was given one. Where the journey goes is decided by the
 * transition table (transitions.ts): an action does its work, then makes one move.
 */
export function createWidgetState(options: PanelOptions, locale: Locale) {
  const isOpen = signal(false)
  /** Where the reporter is: the screen, and on `diagnose` the question (one move changes both). */
  const position = signal<Position>({ step: 'describe', question: 0 })
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
  /** The reporter said the suggestion did not solve it. */
  const dismissed = signal(false)
  /** The context parts the reporter unticked at the review step. */
  const left = signal<ContextPart[]>([])
  /** Screenshots and files going with the report (added by the attachments chunk, at the review step). */
  const files = signal<File[]>([])
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
  /** The category the questions are about: the reporter's pick as soon as it is made (its diagnosis may be on the way, or fail), else the guess. */
  const category = computed(() => picked.value ?? diagnosis.value?.category.value)
  /** How many questions may be asked in all: those shown and those a coming answer may add. */
  const possibleQuestions = computed(() => visibleQuestions(diagnosis.value?.questions ?? [], answers.value, true).length)
  const suggestion = computed<SimilarResolution | undefined>(() =>
    dismissed.value || wordCount(symptoms.value) < minWords ? undefined : diagnosis.value?.similar.find((similar) => similar.publicNote),
  )

  // The app's client when it gave one (its context, beforeSend, storage and language, one set of
  // listeners; its `onSent` hears of queued reports), else the widget's own, in the widget's
  // language, which shows a queued report's ticket once the queue delivers it.
  const client = options.client
    ? options.client
    : createTriage({ endpoint: options.endpoint, key: options.key, locale, fetch: options.fetch, integrations: options.integrations, onError: options.onError, onSent: created })

  /** Makes one move of the journey (transitions.ts decides where it leads). */
  function go(move: Move): void {
    position.value = nextPosition(position.value, move, { questions: questions.value.length, report: !!report.value })
  }
  /** The moves of the screens' own Next and Back buttons. */
  const next = () => go('next')
  const back = () => go('back')

  /**
   * What a failure means to the reporter: the SDK's detail, or `''` for anything else (a bug, not
   * theirs to fix), which the app hears of through `onError` instead of losing it.
   */
  function failed(failure: unknown): string {
    if (failure instanceof TriageError) return failure.detail
    options.onError?.(failure)
    return ''
  }

  let suggestTimer: ReturnType<typeof setTimeout> | undefined
  let asked = 0
  /** Loads the diagnosis for the text (and picked category); a later question wins over an earlier answer. */
  async function diagnose(): Promise<void> {
    clearTimeout(suggestTimer)
    const ask = ++asked
    try {
      const result = await client.diagnose(symptoms.value.trim(), { category: picked.value })
      if (ask === asked) diagnosis.value = result
    } catch (failure) {
      // Diagnosis only helps: without it (offline, server down) the reporter goes straight on.
      failed(failure)
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
    go('next')
  }

  function answer(questionId: string, value: string): void {
    answers.value = { ...answers.value, [questionId]: value }
  }

  async function pickCategory(category: string): Promise<void> {
    batch(() => {
      picked.value = category
      answers.value = {}
      go('category')
    })
    await diagnose()
  }

  /** The suggestion solved it: no ticket, a thank-you; the server counts it, and the app hears of it. */
  function deflect(): void {
    const similar = suggestion.value
    if (!similar) return
    go('solved')
    // The count feeds the agents' dashboard; the visitor is done either way: the server's refusal
    // or an unreachable server stays quiet, anything else reaches onError.
    client.deflected(similar.number).catch(failed)
    options.onDeflect?.({ symptoms: symptoms.value.trim(), similar })
  }

  function toggleContext(part: ContextPart, keep: boolean): void {
    left.value = keep ? left.value.filter((name) => name !== part) : [...left.value, part]
  }

  /**
   * The report's start: what the reporter wrote (or the known problem they have too), how to reach
   * them, and the context they left out.
   */
  function withContact(input: ReportInput): ReportInput {
    const contact: ReportContact = {}
    if (name.value.trim()) contact.name = name.value.trim()
    if (email.value.trim()) contact.email = email.value.trim()
    if (contact.name || contact.email) input.contact = contact
    input.context = leftOut(left.value)
    return input
  }

  /**
   * What will be sent, built from the journey: only the answers to questions still shown, and the
   * category they were about (shown, and changeable, from the first question on): the reporter's choice.
   */
  function reportInput(): ReportInput {
    const input = withContact({ symptoms: symptoms.value.trim() })
    const given: Record<string, string> = {}
    for (const question of questions.value) {
      const value = answers.value[question.id]
      if (value?.trim()) given[question.id] = value.trim()
    }
    if (Object.keys(given).length > 0) input.answers = given
    if (category.value) input.category = category.value
    if (files.value.length) input.attachments = files.value
    return input
  }

  // A retried send of the same report reuses its idempotency key, so a report whose answer was
  // lost on the way is not filed twice; a changed report gets a new key (the server refuses a
  // reused key with another body).
  let pending: { body: string; idempotencyKey: string } | undefined

  /** A report created, now or from the offline queue: shown if the reporter still waits for it, and the app hears of it. */
  function created(sent: ReportCreated): void {
    show(sent, true, 'sent')
    options.onSubmit?.(sent)
  }

  async function send(input: ReportInput = reportInput()): Promise<void> {
    if (sending.value) return
    const body = JSON.stringify([input, left.value])
    const idempotencyKey = pending?.body === body ? pending.idempotencyKey : newIdempotencyKey()
    pending = { body, idempotencyKey }
    batch(() => {
      sending.value = true
      error.value = null
    })
    try {
      const answer = await client.report(input, { idempotencyKey })
      pending = undefined
      if (answer.status === 'queued') go('queued')
      else created(answer)
    } catch (failure) {
      // Keep what the reporter typed: they fix or retry, never type it again.
      error.value = failed(failure)
    } finally {
      sending.value = false
    }
  }

  let stopFollowing = () => {}
  /** Shows a report (after `move`, if the journey leads there from here) and follows it live until closed. */
  function show(shown: ReportCreated, fresh: boolean, move: Move): void {
    const from = position.value
    go(move)
    if (position.value === from) return
    stopFollowing()
    batch(() => {
      report.value = shown
      justSent.value = fresh
      view.value = null
      error.value = null
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
    } catch (failure) {
      // A notice only helps: without it the reporter describes the problem as usual.
      failed(failure)
    }
  }

  async function showReports(): Promise<void> {
    batch(() => {
      reports.value = null
      go('myReports')
    })
    try {
      reports.value = await client.myReports()
    } catch (failure) {
      failed(failure)
      reports.value = []
    }
  }

  /** Back to an empty description, to report something else. */
  function startOver(): void {
    stopFollowing()
    batch(() => {
      go('newReport')
      symptoms.value = ''
      symptomsMissing.value = false
      diagnosis.value = null
      picked.value = undefined
      answers.value = {}
      dismissed.value = false
      left.value = []
      files.value = []
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

  /** Stops what the widget started; the app's own client stays open (it is the app's to close). */
  function destroy(): void {
    clearTimeout(suggestTimer)
    stopFollowing()
    if (!options.client) client.close()
  }

  return {
    isOpen,
    position,
    symptoms,
    symptomsMissing,
    name,
    email,
    emailInvalid,
    diagnosis,
    picked,
    category,
    answers,
    questions,
    suggestion,
    dismissed,
    left,
    files,
    sending,
    error,
    report,
    justSent,
    view,
    reply,
    acting,
    reports,
    notices,
    possibleQuestions,
    client,
    failed,
    next,
    back,
    setSymptoms,
    describeDone,
    answer,
    pickCategory,
    deflect,
    toggleContext,
    send,
    meToo,
    loadNotices,
    show,
    showReports,
    startOver,
    identify,
    prefill,
    destroy,
  }
}

export type WidgetState = ReturnType<typeof createWidgetState>

// @vitest-environment happy-dom
import type { ReportCreate } from '@triage/sdk'
import { createTriage, memoryStorage } from '@triage/sdk'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createdReport, fakeApi, json, problem, reportView } from '@triage/testing/fake-api'
import { waitFor } from '@triage/testing/wait-for'
import { byTestId, choose, cleanup, findTestId, mountWidget, type } from './testing/dom.ts'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

/** A widget on a fake server of its own, or on `api` (the same server seen on a later visit). */
async function openWidget(options: Parameters<typeof mountWidget>[0] = {}, api = fakeApi()) {
  const widget = mountWidget({ locale: 'en', fetch: api.fetch, ...options })
  widget.handle.open()
  const symptoms = await findTestId<HTMLTextAreaElement>(widget.shadow, 'triage-symptoms')
  return { api, ...widget, symptoms }
}

const heading = (shadow: ShadowRoot) => shadow.querySelector('h3')?.textContent
const next = (shadow: ShadowRoot) => byTestId(shadow, 'triage-next').click()
const created = (api: ReturnType<typeof fakeApi>) =>
  api.requests.find((request) => request.method === 'POST' && request.url.endsWith('/v1/reports'))?.body as ReportCreate | undefined
/** The text of the element with this test id, if it is rendered. */
const textOf = (shadow: ShadowRoot, id: string) => shadow.querySelector(`[data-testid="${id}"]`)?.textContent
/** What the widget asked about the report (the known problems it reads on opening aside). */
const reportRequests = (api: ReturnType<typeof fakeApi>) => api.requests.filter((request) => !request.url.includes('/v1/notices'))

describe('the journey', () => {
  test('offers a resolved incident after a few words; "Yes" thanks, counts the deflection and files nothing', async () => {
    const onDeflect = vi.fn()
    const { api, shadow, symptoms } = await openWidget({ onDeflect })
    // One word asks nothing: past the typing pause (fake timers), still no request.
    vi.useFakeTimers()
    type(symptoms, 'locked')
    vi.advanceTimersByTime(1_000)
    expect(reportRequests(api)).toHaveLength(0)
    vi.useRealTimers()
    type(symptoms, 'I am locked out of my account')
    const suggestion = await findTestId(shadow, 'triage-suggestion')
    expect(suggestion.textContent).toContain('This may solve it: Reset your password from the sign-in page. (INC-000042)')
    expect(suggestion.textContent).toContain('Did this solve it?')
    byTestId(shadow, 'triage-solved').click()
    await findTestId(shadow, 'triage-deflected')
    expect(heading(shadow)).toBe('Glad it is solved')
    expect(onDeflect).toHaveBeenCalledWith(expect.objectContaining({ symptoms: 'I am locked out of my account', count: 1 }))
    expect(localStorage.getItem('triage:deflections:pk_test')).toBe('1')
    // The server counts it for the agents' dashboard: the suggestion's number, not the visitor's words.
    await waitFor(() => api.requests.some((request) => request.url.endsWith('/v1/deflections')))
    expect(api.requests.find((request) => request.url.endsWith('/v1/deflections'))).toMatchObject({ method: 'POST', body: { number: 'INC-000042' } })
    expect(created(api)).toBeUndefined()
  })

  test('asks the questions one per screen, honours showIf, reloads them for another category, then sends everything', async () => {
    const onSubmit = vi.fn()
    const { api, handle, shadow, symptoms } = await openWidget({ onSubmit })
    handle.identify({ id: 'u_1', name: 'Ada Lovelace', email: 'ada@example.com' })
    type(symptoms, 'I cannot sign in since this morning')
    byTestId(shadow, 'triage-next').click()
    await waitFor(() => heading(shadow) === 'A few questions')
    // A question that depends on a later answer may come: the count says so, and never grows.
    expect(shadow.textContent).toContain('Question 1 of up to 3')
    choose(shadow, 'Only me')
    next(shadow)
    await waitFor(() => shadow.textContent?.includes('What happens?'))
    expect(shadow.textContent).toContain('Question 2 of up to 3')
    choose(shadow, 'I am locked out')
    await waitFor(() => shadow.textContent?.includes('Question 2 of 2'))
    choose(shadow, 'An error message shows')
    await waitFor(() => shadow.textContent?.includes('Question 2 of 3'))
    // The category is chosen on the first question; later ones do not repeat the picker.
    expect(shadow.querySelector('[data-testid="triage-pick-category"]')).toBeNull()
    next(shadow)
    type(await findTestId<HTMLInputElement>(shadow, 'triage-answer'), 'Code 403')
    next(shadow)
    await waitFor(() => heading(shadow) === 'How can we reach you?')
    expect(shadow.querySelector<HTMLInputElement>('#triage-name')?.value).toBe('Ada Lovelace')
    next(shadow)
    await waitFor(() => heading(shadow) === 'Check and send')
    expect(byTestId(shadow, 'triage-review').textContent).toContain('An error message shows')
    byTestId<HTMLInputElement>(shadow, 'triage-context-url').click()
    byTestId(shadow, 'triage-send').click()
    expect((await findTestId(shadow, 'triage-number')).textContent).toBe('INC-000001')
    await waitFor(() => shadow.querySelector('[data-testid="triage-sla"]')?.textContent === 'we answer within 3 hours')
    // The category the questions were about goes with them, chosen or accepted.
    expect(created(api)).toMatchObject({
      symptoms: 'I cannot sign in since this morning',
      category: 'access',
      answers: { impact: 'me', access_problem: 'error_message', access_error_text: 'Code 403' },
      contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
    })
    expect(created(api)?.context?.url).toBeUndefined()
    expect(created(api)?.context?.userAgent).toBeTruthy()
    expect(onSubmit).toHaveBeenCalledOnce()

    // Another category: its own questions, and the pick goes with the report.
    const other = await openWidget()
    type(other.symptoms, 'I cannot sign in since this morning')
    next(other.shadow)
    const select = await findTestId<HTMLSelectElement>(other.shadow, 'triage-pick-category')
    select.value = 'billing'
    select.dispatchEvent(new Event('change', { bubbles: true }))
    await waitFor(() => other.shadow.textContent?.includes('Can you keep working meanwhile?'))
    expect(other.api.requests.at(-1)?.url).toContain('category=billing')
  })

  test('keeps the category the reporter picked on screen and in the report, even when the diagnosis for it never comes', async () => {
    const { api, shadow, symptoms } = await openWidget()
    type(symptoms, 'I cannot sign in since this morning')
    next(shadow)
    const select = await findTestId<HTMLSelectElement>(shadow, 'triage-pick-category')
    expect(select.value).toBe('access')
    // The diagnosis for the picked category fails (the network drops): the pick still stands.
    api.interrupt('network')
    select.value = 'billing'
    select.dispatchEvent(new Event('change', { bubbles: true }))
    await waitFor(() => api.requests.some((request) => request.url.includes('category=billing')))
    expect(byTestId<HTMLSelectElement>(shadow, 'triage-pick-category').value).toBe('billing')
    next(shadow)
    next(shadow)
    await waitFor(() => heading(shadow) === 'How can we reach you?')
    next(shadow)
    await waitFor(() => heading(shadow) === 'Check and send')
    byTestId(shadow, 'triage-send').click()
    await findTestId(shadow, 'triage-number')
    expect(created(api)?.category).toBe('billing')
  })

  test('says what is missing when the description is empty', async () => {
    const { api, shadow, symptoms } = await openWidget()
    type(symptoms, '   ')
    next(shadow)
    await waitFor(() => shadow.querySelector('#triage-symptoms-error')?.textContent === 'Describe what is happening first.')
    expect(symptoms.getAttribute('aria-invalid')).toBe('true')
    expect(reportRequests(api)).toHaveLength(0)
  })

  /** Through the description and the (two) questions to the contact step. */
  async function toContact(shadow: ShadowRoot, symptoms: HTMLTextAreaElement, text = 'The export button does nothing') {
    type(symptoms, text)
    next(shadow)
    await waitFor(() => heading(shadow) === 'A few questions')
    next(shadow)
    next(shadow)
    await waitFor(() => heading(shadow) === 'How can we reach you?')
  }

  async function toReview(shadow: ShadowRoot, symptoms: HTMLTextAreaElement, text?: string) {
    await toContact(shadow, symptoms, text)
    next(shadow)
    await findTestId(shadow, 'triage-send')
  }

  test('says at the contact step that an e-mail address cannot be one, and goes on once it is fixed', async () => {
    const { api, shadow, symptoms } = await openWidget()
    await toContact(shadow, symptoms)
    const email = shadow.querySelector<HTMLInputElement>('#triage-email')!
    type(email, 'ada@')
    next(shadow)
    await waitFor(() => shadow.querySelector('#triage-email-error')?.textContent === 'Check your e-mail address.')
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(email.getAttribute('aria-describedby')).toContain('triage-email-error')
    expect(heading(shadow)).toBe('How can we reach you?')
    type(email, 'ada@example.com')
    // Fixed: the error goes at once, not at the next try.
    await waitFor(() => shadow.querySelector('#triage-email-error')?.textContent === '')
    expect(email.getAttribute('aria-invalid')).toBe('false')
    next(shadow)
    await findTestId(shadow, 'triage-send')
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0)
  })

  test('shows the SDK error detail and keeps what the reporter wrote', async () => {
    const { shadow, symptoms } = await openWidget({
      fetch: fakeApi({ create: () => problem(400, 'validation_failed', 'contact.email: must be an e-mail address') }).fetch,
    })
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    await waitFor(() => byTestId(shadow, 'triage-error').textContent === 'Your report was not sent. contact.email: must be an e-mail address')
    expect(byTestId(shadow, 'triage-error').getAttribute('aria-live')).toBe('assertive')
    // The detail is the server's English, marked so for a screen reader reading another language.
    expect(byTestId(shadow, 'triage-error').querySelector('[lang="en"]')?.textContent).toBe(' contact.email: must be an e-mail address')
  })

  test('offline: the report is saved and the reporter is told it leaves when the connection is back', async () => {
    const { shadow, symptoms } = await openWidget()
    await toReview(shadow, symptoms)
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    byTestId(shadow, 'triage-send').click()
    const queued = await findTestId(shadow, 'triage-queued')
    expect(queued.textContent).toContain('will be sent when you are back online')
  })

  test('follows the report: the agent message, a reply, then "It’s fixed"', async () => {
    const resolved = {
      ...reportView,
      status: 'resolved' as const,
      timeline: [...reportView.timeline, { type: 'message' as const, at: '2026-11-29T10:05:00.000Z', author: 'agent' as const, body: '<b>Try again</b>' }],
    }
    const api = fakeApi({ view: () => json(200, resolved), action: () => json(200, { ...resolved, status: 'closed' }) })
    const { shadow, symptoms } = await openWidget({ fetch: api.fetch })
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    const timeline = await findTestId(shadow, 'triage-timeline')
    await waitFor(() => timeline.textContent?.includes('<b>Try again</b>'))
    expect(timeline.querySelector('b')).toBeNull()
    expect(byTestId(shadow, 'triage-status').textContent).toBe('Resolved — we think it is fixed')
    byTestId(shadow, 'triage-fixed').click()
    await waitFor(() => byTestId(shadow, 'triage-status').textContent === 'Closed — this report is done')
    expect(api.requests.at(-1)?.url).toBe(`https://triage.test/v1/reports/${createdReport.id}/confirm`)
  })

  test('renders markup from the reporter and from the server as text', async () => {
    const api = fakeApi({
      diagnose: () =>
        json(200, {
          category: { value: 'x', label: 'x', confidence: 0 },
          categories: [],
          questions: [],
          similar: [{ number: 'INC-1', publicNote: '<img src=x onerror=alert(1)>', score: 1 }],
        }),
    })
    const { shadow, symptoms } = await openWidget({ fetch: api.fetch })
    type(symptoms, '<script>alert(1)</script> is shown')
    const suggestion = await findTestId(shadow, 'triage-suggestion')
    expect(suggestion.querySelector('img')).toBeNull()
    expect(suggestion.textContent).toContain('<img src=x onerror=alert(1)>')
  })

  test('marks the contact fields as optional and says how replies will arrive', async () => {
    const { shadow, symptoms } = await openWidget()
    await toContact(shadow, symptoms)
    expect(shadow.querySelector('label[for="triage-name"]')?.textContent).toBe('Your name (optional)')
    expect(shadow.querySelector('label[for="triage-email"]')?.textContent).toBe('Your e-mail (optional)')
    next(shadow)
    ;(await findTestId(shadow, 'triage-send')).click()
    await waitFor(() => textOf(shadow, 'triage-replies') === 'We will answer you here.')

    const email = await openWidget({
      fetch: fakeApi({ create: () => json(201, { ...createdReport, emailUpdates: true }), view: () => json(200, { ...reportView, emailUpdates: true }) }).fetch,
    })
    await toReview(email.shadow, email.symptoms)
    byTestId(email.shadow, 'triage-send').click()
    await waitFor(() => textOf(email.shadow, 'triage-replies') === 'We will answer you here and by e-mail.')
  })

  test('drops the promise once the report is resolved', async () => {
    const resolved = { ...reportView, status: 'resolved' as const, slaPromise: null }
    const { shadow, symptoms } = await openWidget({ fetch: fakeApi({ view: () => json(200, resolved) }).fetch })
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    await waitFor(() => textOf(shadow, 'triage-status') === 'Resolved — we think it is fixed')
    expect(shadow.querySelector('[data-testid="triage-sla"]')).toBeNull()
  })

  test('thanks the reporter for a new report; once it moved on (here resolved), the title is what they reported', async () => {
    const { shadow, symptoms } = await openWidget({ fetch: fakeApi({ view: () => json(200, reportView) }).fetch })
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    await waitFor(() => textOf(shadow, 'triage-status') === 'New — we have received it')
    expect(shadow.querySelector('h3')?.textContent).toBe('Thank you, we received your report')

    const later = await openWidget({ fetch: fakeApi({ view: () => json(200, { ...reportView, status: 'resolved' as const, slaPromise: null }) }).fetch })
    await toReview(later.shadow, later.symptoms)
    byTestId(later.shadow, 'triage-send').click()
    await waitFor(() => textOf(later.shadow, 'triage-status') === 'Resolved — we think it is fixed')
    expect(later.shadow.querySelector('h3')?.textContent).toBe(reportView.summary)
  })

  test('lists the files the reporter sent on their ticket, by name, as text', async () => {
    const attachments = [
      { name: '<b>spinner</b>.png', contentType: 'image/png' as const, size: 48_213 },
      { name: 'export.log', contentType: 'text/plain' as const, size: 120 },
    ]
    const { shadow, symptoms } = await openWidget({ fetch: fakeApi({ view: () => json(200, { ...reportView, attachments }) }).fetch })
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    // One name a line (the field keeps line breaks).
    await waitFor(() => textOf(shadow, 'triage-files') === '<b>spinner</b>.png\nexport.log')
    expect(byTestId(shadow, 'triage-files').querySelector('b')).toBeNull()
  })

  test('"Still broken" asks what is still wrong, and sends it', async () => {
    const resolved = { ...reportView, status: 'resolved' as const, slaPromise: null }
    const api = fakeApi({ view: () => json(200, resolved), action: () => json(200, { ...resolved, status: 'in_progress' }) })
    const { shadow, symptoms } = await openWidget({ fetch: api.fetch })
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    await waitFor(() => textOf(shadow, 'triage-status') === 'Resolved — we think it is fixed')
    expect(shadow.querySelector('label[for="triage-reply"]')?.textContent).toBe('What is still wrong? (optional)')
    type(byTestId<HTMLTextAreaElement>(shadow, 'triage-reply'), 'Big exports still fail')
    byTestId(shadow, 'triage-reopen').click()
    await waitFor(() => textOf(shadow, 'triage-status') === 'In progress — someone is working on it')
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', url: `https://triage.test/v1/reports/${createdReport.id}/messages`, body: { body: 'Big exports still fail' } })
  })

  test('a reply to a report closed meanwhile: the refusal shows, and Reopen is offered', async () => {
    let status: 'in_progress' | 'closed' = 'in_progress'
    const api = fakeApi({
      view: () => json(200, { ...reportView, status, slaPromise: status === 'closed' ? null : reportView.slaPromise }),
      action: () => problem(409, 'conflict', 'Cannot add a message to a closed report. Reopen it first, then write.'),
    })
    const { shadow, symptoms } = await openWidget({ fetch: api.fetch })
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    await waitFor(() => textOf(shadow, 'triage-status') === 'In progress — someone is working on it')
    status = 'closed'
    type(byTestId<HTMLTextAreaElement>(shadow, 'triage-reply'), 'Any news?')
    byTestId(shadow, 'triage-reply-send').click()
    await waitFor(() => shadow.querySelector('[data-testid="triage-reopen"]')?.textContent === 'Reopen')
    expect(byTestId(shadow, 'triage-status').textContent).toBe('Closed — this report is done')
    expect(shadow.textContent).toContain('Cannot add a message to a closed report.')
  })

  test('"My reports" lists the reports of this browser across visits, each with its first words and date; an opened one shows its number once', async () => {
    const { api, shadow, symptoms } = await openWidget()
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    await findTestId(shadow, 'triage-number')
    const again = await openWidget({}, api)
    again.shadow.querySelector<HTMLButtonElement>('.actions button')?.click()
    const list = await findTestId(again.shadow, 'triage-reports')
    expect(list.textContent).toContain('INC-000001')
    await waitFor(() => list.textContent?.includes('The export button does nothing'))
    expect(list.textContent).toContain('Nov 29, 2026')
    list.querySelector('button')?.click()
    await findTestId(again.shadow, 'triage-number')
    expect(again.shadow.textContent?.split('INC-000001')).toHaveLength(2)
    expect(heading(again.shadow)).toBe('The export button does nothing')
  })

  test("rides on the app's own client: its context and beforeSend, no second set of listeners, and never closes it", async () => {
    const api = fakeApi()
    const beforeSend = (report: ReportCreate): ReportCreate => ({ ...report, answers: { ...report.answers, plan: 'pro' } })
    const listening = vi.spyOn(window, 'addEventListener')
    const app = createTriage({ endpoint: 'https://triage.test', key: 'pk_test', fetch: api.fetch, storage: memoryStorage(), app: { version: '9.9.9' }, beforeSend })
    const ownListeners = listening.mock.calls.length
    // mount({ client }): no key, no endpoint, the client's own.
    const { handle, shadow, symptoms } = await openWidget({ client: app }, api)
    expect(listening.mock.calls.slice(ownListeners).filter(([type]) => type === 'online' || type === 'pagehide')).toEqual([])
    await toReview(shadow, symptoms)
    byTestId<HTMLInputElement>(shadow, 'triage-context-url').click()
    byTestId(shadow, 'triage-send').click()
    expect((await findTestId(shadow, 'triage-number')).textContent).toBe('INC-000001')
    expect(created(api)).toMatchObject({ answers: { plan: 'pro' }, context: { appVersion: '9.9.9' } })
    // What the reporter unticked stays out, whatever the app's beforeSend.
    expect(created(api)?.context?.url).toBeUndefined()
    handle.destroy()
    await expect(app.report({ symptoms: 'The app still reports' })).resolves.toMatchObject({ number: 'INC-000002' })
    app.close()
  })

  test('tells the app of a fault that is not a TriageError (onError), and the reporter that nothing was sent', async () => {
    const onError = vi.fn()
    const fault = new Error('the app’s beforeSend crashed')
    const app = createTriage({
      endpoint: 'https://triage.test',
      key: 'pk_test',
      fetch: fakeApi().fetch,
      storage: memoryStorage(),
      beforeSend: () => {
        throw fault
      },
    })
    const { shadow, symptoms } = await openWidget({ client: app, onError })
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    await waitFor(() => onError.mock.calls.length > 0)
    expect(onError).toHaveBeenCalledWith(fault)
    expect(byTestId(shadow, 'triage-error').textContent).toBe('Your report was not sent.')
    app.close()
  })

  test('tells of a known problem on opening; "Me too" files one report that joins it', async () => {
    const notice = { id: 'inc_major', text: 'Payments fail at checkout', since: '2026-11-29T14:02:00.000Z' }
    const api = fakeApi({ notices: () => json(200, { items: [notice] }) })
    const onSubmit = vi.fn()
    const { shadow } = await openWidget({ fetch: api.fetch, onSubmit })
    const card = await findTestId(shadow, 'triage-notice')
    expect(card.textContent).toMatch(/^Known problem: Payments fail at checkout — we’re on it since .*\d/)
    // Reporting something else stays one field away.
    expect(shadow.querySelector('[data-testid="triage-symptoms"]')).not.toBeNull()
    byTestId(shadow, 'triage-me-too').click()
    expect((await findTestId(shadow, 'triage-number')).textContent).toBe('INC-000001')
    expect(created(api)).toMatchObject({ symptoms: 'Payments fail at checkout', notice: 'inc_major' })
    expect(onSubmit).toHaveBeenCalledOnce()
  })
})

// @vitest-environment happy-dom
import type { ReportCreate } from '@triage/sdk'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { byTestId, choose, cleanup, findTestId, mountWidget, type, waitFor } from './testing/dom.ts'
import { createdReport, fakeApi, json, problem, reportView } from './testing/fake-api.ts'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

async function openWidget(options: Parameters<typeof mountWidget>[0] = {}) {
  const api = fakeApi()
  const widget = mountWidget({ locale: 'en', fetch: api.fetch, ...options })
  widget.handle.open()
  const symptoms = await findTestId<HTMLTextAreaElement>(widget.shadow, 'triage-symptoms')
  return { api, ...widget, symptoms }
}

const heading = (shadow: ShadowRoot) => shadow.querySelector('h3')?.textContent
const next = (shadow: ShadowRoot) => byTestId(shadow, 'triage-next').click()
const created = (api: ReturnType<typeof fakeApi>) => api.requests.find((request) => request.method === 'POST' && request.url.endsWith('/v1/reports'))?.body as ReportCreate | undefined

describe('the journey', () => {
  test('offers a resolved incident after a few words; "Yes" thanks, counts the deflection and files nothing', async () => {
    const onDeflect = vi.fn()
    const { api, shadow, symptoms } = await openWidget({ onDeflect })
    type(symptoms, 'locked')
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(api.requests).toHaveLength(0)
    type(symptoms, 'I am locked out of my account')
    const suggestion = await findTestId(shadow, 'triage-suggestion')
    expect(suggestion.textContent).toContain('This may solve it: Reset your password from the sign-in page. (INC-000042)')
    expect(suggestion.textContent).toContain('Did this solve it?')
    byTestId(shadow, 'triage-solved').click()
    await findTestId(shadow, 'triage-deflected')
    expect(heading(shadow)).toBe('Glad it is solved')
    expect(onDeflect).toHaveBeenCalledWith(expect.objectContaining({ symptoms: 'I am locked out of my account', count: 1 }))
    expect(localStorage.getItem('triage:deflections:pk_test')).toBe('1')
    expect(created(api)).toBeUndefined()
  })

  test('asks the questions one per screen, honours showIf, reloads them for another category, then sends everything', async () => {
    const onSubmit = vi.fn()
    const { api, handle, shadow, symptoms } = await openWidget({ onSubmit })
    handle.identify({ id: 'u_1', name: 'Ada Lovelace', email: 'ada@example.com' })
    type(symptoms, 'I cannot sign in since this morning')
    byTestId(shadow, 'triage-next').click()
    await waitFor(() => heading(shadow) === 'A few questions')
    expect(shadow.textContent).toContain('Question 1 of 2')
    choose(shadow, 'Only me')
    next(shadow)
    await waitFor(() => shadow.textContent?.includes('What happens?'))
    choose(shadow, 'An error message shows')
    await waitFor(() => shadow.textContent?.includes('Question 2 of 3'))
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
    await waitFor(() => byTestId(shadow, 'triage-sla').textContent === 'we answer within 3 hours')
    expect(created(api)).toMatchObject({
      symptoms: 'I cannot sign in since this morning',
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

  test('says what is missing when the description is empty', async () => {
    const { api, shadow, symptoms } = await openWidget()
    type(symptoms, '   ')
    next(shadow)
    await waitFor(() => shadow.querySelector('#triage-symptoms-error')?.textContent === 'Describe what is happening first.')
    expect(symptoms.getAttribute('aria-invalid')).toBe('true')
    expect(api.requests).toHaveLength(0)
  })

  async function toReview(shadow: ShadowRoot, symptoms: HTMLTextAreaElement, text = 'The export button does nothing') {
    type(symptoms, text)
    next(shadow)
    await waitFor(() => heading(shadow) === 'A few questions')
    next(shadow)
    next(shadow)
    await waitFor(() => heading(shadow) === 'How can we reach you?')
    next(shadow)
    await findTestId(shadow, 'triage-send')
  }

  test('says at the contact step that an e-mail address cannot be one, and goes on once it is fixed', async () => {
    const { api, shadow, symptoms } = await openWidget()
    type(symptoms, 'The export button does nothing')
    next(shadow)
    await waitFor(() => heading(shadow) === 'A few questions')
    next(shadow)
    next(shadow)
    await waitFor(() => heading(shadow) === 'How can we reach you?')
    const email = shadow.querySelector<HTMLInputElement>('#triage-email')!
    type(email, 'ada@')
    next(shadow)
    await waitFor(() => shadow.querySelector('#triage-email-error')?.textContent === 'Check your e-mail address.')
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(email.getAttribute('aria-describedby')).toContain('triage-email-error')
    expect(heading(shadow)).toBe('How can we reach you?')
    type(email, 'ada@example.com')
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
    const api = fakeApi({ diagnose: () => json(200, { category: { value: 'x', label: 'x', confidence: 0 }, categories: [], questions: [], similar: [{ number: 'INC-1', publicNote: '<img src=x onerror=alert(1)>', score: 1 }] }) })
    const { shadow, symptoms } = await openWidget({ fetch: api.fetch })
    type(symptoms, '<script>alert(1)</script> is shown')
    const suggestion = await findTestId(shadow, 'triage-suggestion')
    expect(suggestion.querySelector('img')).toBeNull()
    expect(suggestion.textContent).toContain('<img src=x onerror=alert(1)>')
  })

  test('"My reports" lists the reports of this browser across visits', async () => {
    const { shadow, symptoms } = await openWidget()
    await toReview(shadow, symptoms)
    byTestId(shadow, 'triage-send').click()
    await findTestId(shadow, 'triage-number')
    const again = await openWidget()
    again.shadow.querySelector<HTMLButtonElement>('.actions button')?.click()
    const list = await findTestId(again.shadow, 'triage-reports')
    expect(list.textContent).toContain('INC-000001')
  })
})

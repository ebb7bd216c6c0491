// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { createdReport, fakeApi, json, problem } from '../testing/fake-api.ts'
import { byTestId, cleanup, mountWidget, type, waitFor } from '../testing/dom.ts'

afterEach(cleanup)

async function openDescribe(options: Parameters<typeof mountWidget>[0] = {}) {
  const widget = mountWidget({ locale: 'en', ...options })
  widget.handle.open()
  const symptoms = await waitFor(() => widget.shadow.querySelector<HTMLTextAreaElement>('[data-testid="triage-symptoms"]'))
  return { ...widget, symptoms, send: byTestId(widget.shadow, 'triage-send') }
}

describe('describe step', () => {
  test('labels its fields: the required description, the optional name and e-mail', async () => {
    const { shadow, symptoms } = await openDescribe()
    const labelOf = (field: Element) => shadow.querySelector(`label[for="${field.id}"]`)?.textContent
    expect(labelOf(symptoms)).toBe('What is happening?')
    expect(symptoms.required).toBe(true)
    expect(labelOf(shadow.querySelector('input[autocomplete="name"]')!)).toBe('Your name (optional)')
    expect(labelOf(shadow.querySelector('input[type="email"]')!)).toBe('Your e-mail (optional)')
  })

  test('shows an announced error and sends nothing when the description is empty', async () => {
    const api = fakeApi()
    const { shadow, symptoms, send } = await openDescribe({ fetch: api.fetch })
    type(symptoms, '   ')
    send.click()
    const error = await waitFor(() => shadow.querySelector(`#${symptoms.getAttribute('aria-describedby')?.split(' ').at(-1)}`))
    await waitFor(() => error.textContent === 'Describe what is happening, then send.')
    expect(error.getAttribute('aria-live')).toBe('polite')
    expect(symptoms.getAttribute('aria-invalid')).toBe('true')
    expect(shadow.activeElement).toBe(symptoms)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(api.requests).toHaveLength(0)
  })

  test('shows the SDK error detail in an assertive live region and keeps what the reporter typed', async () => {
    const api = fakeApi({ create: () => problem(400, 'validation_failed', 'contact.email: must be an e-mail address like ada@example.com') })
    const { shadow, symptoms, send } = await openDescribe({ fetch: api.fetch })
    type(symptoms, 'The export button does nothing')
    type(shadow.querySelector<HTMLInputElement>('input[type="email"]')!, 'ada')
    send.click()
    const error = byTestId(shadow, 'triage-error')
    await waitFor(() => error.textContent?.includes('must be an e-mail address'))
    expect(error.getAttribute('aria-live')).toBe('assertive')
    expect(error.textContent).toBe('Your report was not sent. contact.email: must be an e-mail address like ada@example.com')
    expect(byTestId<HTMLTextAreaElement>(shadow, 'triage-symptoms').value).toBe('The export button does nothing')
    expect(shadow.querySelector<HTMLInputElement>('input[type="email"]')?.value).toBe('ada')
    expect(shadow.querySelector('[data-testid="triage-number"]')).toBeNull()
  })

  test('shows a busy send button while the report is on its way', async () => {
    let answer: (response: Response) => void = () => {}
    const api = fakeApi({ create: () => new Promise<Response>((resolve) => (answer = resolve)) })
    const { shadow, symptoms, send } = await openDescribe({ fetch: api.fetch })
    type(symptoms, 'Slow page')
    send.click()
    await waitFor(() => send.getAttribute('aria-disabled') === 'true')
    expect(send.textContent).toBe('Sending…')
    expect(shadow.querySelector('form')?.getAttribute('aria-busy')).toBe('true')
    send.click()
    answer(json(201, createdReport))
    await waitFor(() => shadow.querySelector('[data-testid="triage-number"]'))
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
  })

  test('sends the same report again with the same idempotency key, a changed one with a new key', async () => {
    const api = fakeApi({ create: () => problem(400, 'validation_failed', 'Try again.') })
    const { shadow, symptoms, send } = await openDescribe({ fetch: api.fetch })
    const error = byTestId(shadow, 'triage-error')
    const attempt = async (text: string) => {
      type(symptoms, text)
      send.click()
      await waitFor(() => error.textContent !== '')
      await waitFor(() => send.getAttribute('aria-disabled') === 'false')
    }
    await attempt('The export button does nothing')
    await attempt('The export button does nothing')
    await attempt('The export button does nothing at all')
    const keys = api.requests.map((request) => request.headers.get('idempotency-key'))
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
  })

  test('renders markup from the reporter and from the server as text', async () => {
    const markup = '<img src=x onerror="globalThis.pwned=1">'
    const api = fakeApi({ create: () => problem(400, 'validation_failed', markup) })
    const { shadow, symptoms, send } = await openDescribe({ fetch: api.fetch })
    type(symptoms, markup)
    send.click()
    const error = byTestId(shadow, 'triage-error')
    await waitFor(() => error.textContent?.includes(markup))
    expect(shadow.querySelector('img')).toBeNull()
    expect((api.requests[0]?.body as { symptoms: string }).symptoms).toBe(markup)
  })
})

// @vitest-environment happy-dom
import type { ReportCreated } from '@triage/sdk'
import { afterEach, describe, expect, test } from 'vitest'
import { createdReport, fakeApi, json, problem, reportView } from '../testing/fake-api.ts'
import { byTestId, cleanup, mountWidget, type, waitFor } from '../testing/dom.ts'

afterEach(cleanup)

async function sendReport(options: Parameters<typeof mountWidget>[0] = {}, symptoms = 'The export button does nothing') {
  const widget = mountWidget({ locale: 'en', ...options })
  widget.handle.open()
  const field = await waitFor(() => widget.shadow.querySelector<HTMLTextAreaElement>('[data-testid="triage-symptoms"]'))
  type(field, symptoms)
  byTestId(widget.shadow, 'triage-send').click()
  await waitFor(() => widget.shadow.querySelector('[data-testid="triage-number"]'))
  return widget
}

describe('confirmation step', () => {
  test('files the report through the API and shows its number, status, category and priority in plain words', async () => {
    const api = fakeApi()
    const { shadow } = await sendReport({ fetch: api.fetch, key: 'pk_live_app' })
    expect(byTestId(shadow, 'triage-number').textContent).toBe('INC-000001')
    expect(byTestId(shadow, 'triage-status').textContent).toBe('New — we have received it')
    expect(byTestId(shadow, 'triage-category').textContent).toBe('Something does not work')
    expect(byTestId(shadow, 'triage-priority').textContent).toBe('Normal')
    await waitFor(() => shadow.activeElement?.tagName === 'H3')

    const [create] = api.requests
    expect(create?.method).toBe('POST')
    expect(create?.url).toBe('https://triage.test/v1/reports')
    expect(create?.headers.get('x-triage-key')).toBe('pk_live_app')
    expect(create?.body).toMatchObject({ symptoms: 'The export button does nothing' })
  })

  test('sends the name and e-mail only when given', async () => {
    const api = fakeApi()
    const widget = mountWidget({ fetch: api.fetch })
    widget.handle.open()
    await waitFor(() => widget.shadow.querySelector('textarea'))
    type(byTestId(widget.shadow, 'triage-symptoms'), 'Cannot log in')
    type(widget.shadow.querySelector<HTMLInputElement>('input[autocomplete="name"]')!, ' Ada ')
    byTestId(widget.shadow, 'triage-send').click()
    await waitFor(() => api.requests.length > 0)
    expect(api.requests[0]?.body).toMatchObject({ symptoms: 'Cannot log in', contact: { name: 'Ada' } })
    expect((api.requests[0]?.body as { contact: object }).contact).toEqual({ name: 'Ada' })
  })

  test('fetches the report once with its reporter token and shows the current status', async () => {
    const api = fakeApi({ view: () => json(200, { ...reportView, status: 'in_progress' }) })
    const { shadow } = await sendReport({ fetch: api.fetch })
    const status = byTestId(shadow, 'triage-status')
    await waitFor(() => status.textContent === 'In progress — someone is working on it')
    const views = api.requests.filter((request) => request.method === 'GET')
    expect(views).toHaveLength(1)
    expect(views[0]?.url).toBe('https://triage.test/v1/reports/rep_01')
    expect(views[0]?.headers.get('authorization')).toBe('Bearer rt_secret')
  })

  test('shows the last report and its status after a reload', async () => {
    const api = fakeApi({ view: () => json(200, { ...reportView, status: 'pending_reporter' }) })
    const first = await sendReport({ fetch: api.fetch })
    first.handle.destroy()

    const { handle, shadow } = mountWidget({ fetch: api.fetch, locale: 'fr' })
    handle.open()
    await waitFor(() => shadow.querySelector('[data-testid="triage-last-status"]'))
    expect(byTestId(shadow, 'triage-last-number').textContent).toBe('INC-000001')
    expect(byTestId(shadow, 'triage-last-status').textContent).toBe('En attente de votre réponse — il nous faut plus d’informations')
  })

  test('forgets a last report whose token no longer opens it', async () => {
    localStorage.setItem('triage:last-report:pk_test', JSON.stringify({ id: 'rep_old', number: 'INC-000009', reporterToken: 'rt_old' }))
    const api = fakeApi({ view: () => problem(404, 'not_found', 'No such report.') })
    const { handle, shadow } = mountWidget({ fetch: api.fetch })
    handle.open()
    await waitFor(() => localStorage.getItem('triage:last-report:pk_test') === null)
    await waitFor(() => shadow.querySelector('[data-testid="triage-last-number"]') === null)
  })

  test('calls onSubmit with the server answer, and starts over on request', async () => {
    const submitted: ReportCreated[] = []
    const { shadow } = await sendReport({ fetch: fakeApi().fetch, onSubmit: (report) => submitted.push(report) })
    expect(submitted).toEqual([createdReport])
    const again = [...shadow.querySelectorAll('button')].find((button) => button.textContent === 'Report another problem')
    again?.click()
    const field = await waitFor(() => shadow.querySelector<HTMLTextAreaElement>('[data-testid="triage-symptoms"]'))
    expect(field.value).toBe('')
  })

  test('shows server-chosen categories it does not know as text', async () => {
    const category = '<img src=x onerror="globalThis.pwned=1">'
    const api = fakeApi({
      create: () => json(201, { ...createdReport, category }),
      view: () => json(200, { ...reportView, category }),
    })
    const markup = '<b>bold</b> <script>globalThis.pwned=1</script>'
    const { shadow } = await sendReport({ fetch: api.fetch }, markup)
    expect(byTestId(shadow, 'triage-category').textContent).toBe(category)
    expect(shadow.textContent).toContain(markup)
    expect(shadow.querySelector('img, b, script')).toBeNull()
  })
})

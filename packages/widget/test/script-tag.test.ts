// @vitest-environment happy-dom
// The script-tag build as it ships: dist/widget.js, the loader, and dist/widget-panel-<locale>.js,
// which it loads (run `npm run build` first; `npm test` does).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { built } from '@triage/testing/built'
import { fakeApi } from '@triage/testing/fake-api'
import { waitFor } from '@triage/testing/wait-for'
import { accessibleName, byTestId } from '../src/testing/dom.ts'

const bundle = built('widget', 'widget.js')

/** Runs a bundle as a browser runs a classic script: `document.currentScript` is its tag. */
function run(code: string, script: HTMLScriptElement): void {
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true })
  try {
    new Function(code)()
  } finally {
    Reflect.deleteProperty(document, 'currentScript')
  }
}

function loadWidgetScript(attributes: Record<string, string>): void {
  const script = document.createElement('script')
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  run(bundle, script)
}

/** Plays the browser's part for a script the widget added (its panel, then the follow-up screens): runs the built file with that tag. */
async function serveScript(name: 'widget-panel-' | 'widget-follow-'): Promise<HTMLScriptElement> {
  const script = await waitFor(() => document.head.querySelector<HTMLScriptElement>(`script[src*="${name}"]`))
  run(built('widget', new URL(script.src).pathname.slice(1)), script)
  return script
}

const widgetShadow = () => document.querySelector('triage-widget')?.shadowRoot ?? null

describe('dist/widget.js', () => {
  const originalFetch = globalThis.fetch
  beforeEach(() => {
    localStorage.clear()
    // happy-dom would fetch the panel script itself: the test runs the built file instead.
    const { happyDOM } = window as unknown as { happyDOM: { settings: Record<string, unknown> } }
    Object.assign(happyDOM.settings, { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true })
  })
  afterEach(() => {
    window.Triage?.destroy()
    for (const script of document.head.querySelectorAll('script')) script.remove()
    globalThis.fetch = originalFetch
    vi.restoreAllMocks()
  })

  test('shows the launcher at once, loads the panel of its language on open, and files a report against its origin', async () => {
    const api = fakeApi()
    globalThis.fetch = api.fetch
    loadWidgetScript({ src: 'https://triage.example.com/widget.js', 'data-key': 'pk_demo', 'data-locale': 'fr' })
    const shadow = await waitFor(widgetShadow)
    expect(accessibleName(byTestId(shadow, 'triage-launcher'))).toBe('Signaler un problème')
    expect(shadow.querySelector('[role="dialog"]')).toBeNull()

    // Calls made before the panel arrives wait for it.
    window.Triage?.prefill({ symptoms: 'Export en panne', contact: { name: 'Ada' } })
    window.Triage?.identify({ id: 'user-42', name: 'Ada Lovelace', email: 'ada@example.com' })
    window.Triage?.open()
    const script = await serveScript('widget-panel-')
    expect(script.src).toBe('https://triage.example.com/widget-panel-fr.js')
    const symptoms = await waitFor(() => shadow.querySelector<HTMLTextAreaElement>('[data-testid="triage-symptoms"]'))
    expect(symptoms.value).toBe('Export en panne')
    byTestId(shadow, 'triage-next').click()
    await waitFor(() => shadow.querySelector('h3')?.textContent === 'Quelques questions')
    for (let step = 0; step < 8 && !shadow.querySelector('[data-testid="triage-send"]'); step++) {
      const screen = shadow.querySelector('form')?.textContent
      byTestId(shadow, 'triage-next').click()
      await waitFor(() => shadow.querySelector('form')?.textContent !== screen)
    }
    // Near sending, the panel asks for the screens that follow, next to itself.
    expect((await serveScript('widget-follow-')).src).toBe('https://triage.example.com/widget-follow-fr.js')
    byTestId(shadow, 'triage-send').click()
    const number = await waitFor(() => shadow.querySelector('[data-testid="triage-number"]'))
    expect(number.textContent).toBe('INC-000001')
    expect(byTestId(shadow, 'triage-status').textContent).toBe('Nouveau — bien reçu')
    const create = api.requests.find((request) => request.method === 'POST')
    expect(create?.url).toBe('https://triage.example.com/v1/reports')
    expect(create?.headers.get('x-triage-key')).toBe('pk_demo')
    // prefill's name stays (identify fills only what is empty), identify adds the e-mail.
    expect(create?.body).toMatchObject({ symptoms: 'Export en panne', contact: { name: 'Ada', email: 'ada@example.com' } })
  })

  test('destroy() removes the element and window.Triage', async () => {
    loadWidgetScript({ src: 'https://triage.example.com/widget.js', 'data-key': 'pk_demo' })
    await waitFor(widgetShadow)
    window.Triage?.destroy()
    expect(document.querySelector('triage-widget')).toBeNull()
    expect('Triage' in window).toBe(false)
  })

  test('without data-key: one clear console error, nothing mounted, no global', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    loadWidgetScript({ src: 'https://triage.example.com/widget.js' })
    expect(error).toHaveBeenCalledOnce()
    expect(error.mock.calls[0]?.[0]).toMatch(/data-key/)
    expect(document.querySelector('triage-widget')).toBeNull()
    expect('Triage' in window).toBe(false)
  })

  test('loaded twice: keeps the first widget and says so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    loadWidgetScript({ src: 'https://triage.example.com/widget.js', 'data-key': 'pk_demo' })
    const first = window.Triage
    loadWidgetScript({ src: 'https://triage.example.com/widget.js', 'data-key': 'pk_demo' })
    expect(window.Triage).toBe(first)
    expect(document.querySelectorAll('triage-widget')).toHaveLength(1)
    expect(error.mock.calls[0]?.[0]).toMatch(/twice/)
  })
})

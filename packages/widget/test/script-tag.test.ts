// @vitest-environment happy-dom
// The script-tag build as it ships: dist/widget.js (run `npm run build` first; `npm test` does).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { fakeApi } from '../src/testing/fake-api.ts'
import { accessibleName, byTestId, type, waitFor } from '../src/testing/dom.ts'

// A path, not import.meta.url: under happy-dom that URL is http://localhost:3000/….
const bundlePath = join(import.meta.dirname, '../dist/widget.js')
if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run npm run build first (npm test does).`)
const bundle = readFileSync(bundlePath, 'utf8')

/** Runs the bundle as a browser runs a classic script: `document.currentScript` is its tag. */
function loadWidgetScript(attributes: Record<string, string>): void {
  const script = document.createElement('script')
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true })
  try {
    new Function(bundle)()
  } finally {
    Reflect.deleteProperty(document, 'currentScript')
  }
}

const widgetShadow = () => document.querySelector('triage-widget')?.shadowRoot ?? null

describe('dist/widget.js', () => {
  const originalFetch = globalThis.fetch
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    window.Triage?.destroy()
    globalThis.fetch = originalFetch
    vi.restoreAllMocks()
  })

  test('mounts from its data attributes and files a report against the origin it was loaded from', async () => {
    const api = fakeApi()
    globalThis.fetch = api.fetch
    loadWidgetScript({ src: 'https://triage.example.com/widget.js', 'data-key': 'pk_demo', 'data-locale': 'fr' })
    const shadow = await waitFor(widgetShadow)
    expect(accessibleName(byTestId(shadow, 'triage-launcher'))).toBe('Signaler un problème')

    window.Triage?.open()
    type(await waitFor(() => shadow.querySelector<HTMLTextAreaElement>('[data-testid="triage-symptoms"]')), 'Export en panne')
    byTestId(shadow, 'triage-send').click()
    const number = await waitFor(() => shadow.querySelector('[data-testid="triage-number"]'))
    expect(number.textContent).toBe('INC-000001')
    expect(byTestId(shadow, 'triage-status').textContent).toBe('Nouveau — nous l’avons bien reçu')
    expect(api.requests[0]?.url).toBe('https://triage.example.com/v1/reports')
    expect(api.requests[0]?.headers.get('x-triage-key')).toBe('pk_demo')
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

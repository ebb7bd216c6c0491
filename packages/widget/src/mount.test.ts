// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { waitFor } from '@triage/testing/wait-for'
import { accessibleName, byTestId, cleanup, mountWidget, press } from './testing/dom.ts'

afterEach(cleanup)

const dialogOf = (shadow: ShadowRoot) => shadow.querySelector<HTMLElement>('[role="dialog"]')

describe('mount', () => {
  test('puts the launcher in an open shadow root, named "Report a problem" in English', () => {
    const { shadow } = mountWidget({ locale: 'en' })
    expect(document.body.lastElementChild?.tagName).toBe('TRIAGE-WIDGET')
    const launcher = byTestId(shadow, 'triage-launcher')
    expect(launcher.tagName).toBe('BUTTON')
    expect(accessibleName(launcher)).toBe('Report a problem')
    expect(shadow.adoptedStyleSheets.length + shadow.querySelectorAll('style').length).toBeGreaterThan(0)
  })

  test('names the launcher "Signaler un problème" in French, from the option or navigator.language', () => {
    expect(accessibleName(byTestId(mountWidget({ locale: 'fr' }).shadow, 'triage-launcher'))).toBe('Signaler un problème')
    cleanup()
    Object.defineProperty(navigator, 'language', { value: 'fr-CA', configurable: true })
    try {
      const { shadow } = mountWidget()
      expect(accessibleName(byTestId(shadow, 'triage-launcher'))).toBe('Signaler un problème')
      expect(shadow.querySelector('[lang]')?.getAttribute('lang')).toBe('fr')
    } finally {
      delete (navigator as { language?: string }).language
    }
  })

  test('opens a labelled modal dialog on click and focuses the description field', async () => {
    const { shadow } = mountWidget({ locale: 'en' })
    const launcher = byTestId(shadow, 'triage-launcher')
    expect(dialogOf(shadow)).toBeNull()
    launcher.click()
    const dialog = await waitFor(() => dialogOf(shadow))
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(accessibleName(dialog)).toBe('Report a problem')
    expect(launcher.getAttribute('aria-expanded')).toBe('true')
    await waitFor(() => shadow.activeElement === byTestId(shadow, 'triage-symptoms'))
  })

  test("attachTo makes the app's own element open the panel, until detached", async () => {
    const { handle, shadow } = mountWidget()
    const help = document.body.appendChild(document.createElement('button'))
    const detach = handle.attachTo(help)
    help.click()
    await waitFor(() => dialogOf(shadow))
    handle.close()
    await waitFor(() => dialogOf(shadow) === null)
    detach()
    // Rendering waits for no timer (one effect renders at once): fake timers prove nothing comes later.
    vi.useFakeTimers()
    try {
      help.click()
      vi.runAllTimers()
      expect(dialogOf(shadow)).toBeNull()
    } finally {
      vi.useRealTimers()
      help.remove()
    }
  })

  test('attachTo takes a CSS selector too, and throws when it matches nothing', async () => {
    const { handle, shadow } = mountWidget()
    const help = document.body.appendChild(document.createElement('a'))
    help.id = 'help'
    const detach = handle.attachTo('#help')
    help.click()
    await waitFor(() => dialogOf(shadow))
    detach()
    help.remove()
    expect(() => handle.attachTo('#nowhere')).toThrow(TypeError)
  })

  test('tells the app when the panel opens and closes, whichever way', async () => {
    const onOpen = vi.fn()
    const onClose = vi.fn()
    const { handle, shadow } = mountWidget({ onOpen, onClose })
    expect(onOpen).not.toHaveBeenCalled()
    byTestId(shadow, 'triage-launcher').click()
    await waitFor(() => dialogOf(shadow))
    expect(onOpen).toHaveBeenCalledOnce()
    press(byTestId(shadow, 'triage-symptoms'), 'Escape')
    await waitFor(() => dialogOf(shadow) === null)
    expect(onClose).toHaveBeenCalledOnce()
    handle.open()
    handle.close()
    expect([onOpen.mock.calls.length, onClose.mock.calls.length]).toEqual([2, 2])
  })

  test('closes on Escape and gives the focus back to the launcher', async () => {
    const { shadow } = mountWidget()
    const launcher = byTestId(shadow, 'triage-launcher')
    launcher.click()
    const symptoms = await waitFor(() => shadow.querySelector<HTMLElement>('[data-testid="triage-symptoms"]'))
    symptoms.focus()
    press(symptoms, 'Escape')
    await waitFor(() => dialogOf(shadow) === null)
    expect(shadow.activeElement).toBe(launcher)
    expect(launcher.getAttribute('aria-expanded')).toBe('false')
  })

  test('keeps Tab inside the dialog', async () => {
    const { shadow } = mountWidget()
    byTestId(shadow, 'triage-launcher').click()
    await waitFor(() => dialogOf(shadow))
    const next = byTestId(shadow, 'triage-next')
    next.focus()
    press(next, 'Tab')
    expect(shadow.activeElement?.textContent).toBe('Close')
    press(shadow.activeElement!, 'Tab', { shiftKey: true })
    expect(shadow.activeElement).toBe(next)
  })

  test('open() and close() drive the panel from the app', async () => {
    const { handle, shadow } = mountWidget()
    handle.open()
    await waitFor(() => dialogOf(shadow))
    handle.close()
    await waitFor(() => dialogOf(shadow) === null)
  })

  test('takes the brand color, the corner and string overrides from its options', () => {
    const { shadow } = mountWidget({ color: '#e11d48', position: 'bottom-left', strings: { launcher: 'Help' } })
    const host = shadow.host as HTMLElement
    expect(host.style.getPropertyValue('--triage-color')).toBe('#e11d48')
    expect(shadow.querySelector('.root')?.classList.contains('left')).toBe(true)
    expect(accessibleName(byTestId(shadow, 'triage-launcher'))).toBe('Help')
  })

  test('destroy() removes the host element and every later call is harmless', async () => {
    const before = document.body.childElementCount
    const { handle } = mountWidget()
    expect(document.body.childElementCount).toBe(before + 1)
    handle.destroy()
    expect(document.querySelector('triage-widget')).toBeNull()
    expect(document.body.childElementCount).toBe(before)
    expect(() => {
      handle.open()
      handle.close()
      handle.destroy()
    }).not.toThrow()
    expect(document.querySelector('triage-widget')).toBeNull()
  })

  test('refuses to mount without a key, and says which option is missing', () => {
    expect(() => mountWidget({ key: '' })).toThrow(/publishable key/)
  })
})

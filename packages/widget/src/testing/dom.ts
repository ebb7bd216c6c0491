import { fakeApi } from '@triage/testing/fake-api'
import { waitFor } from '@triage/testing/wait-for'
import { mount } from '@triage/widget'
import type { WidgetHandle, WidgetOptions } from '@triage/widget'

const mounted: WidgetHandle[] = []

/**
 * Mounts a widget with test defaults (a fake API of its own: no test reaches the network), or on
 * the app's `client` when given one; `cleanup()` removes it.
 */
export function mountWidget(options: Partial<WidgetOptions> = {}) {
  const handle = mount((options.client ? options : { key: 'pk_test', endpoint: 'https://triage.test', fetch: fakeApi().fetch, ...options }) as WidgetOptions)
  mounted.push(handle)
  const hosts = document.querySelectorAll('triage-widget')
  const shadow = hosts[hosts.length - 1]?.shadowRoot
  if (!shadow) throw new Error('mount() added no <triage-widget> with an open shadow root')
  return { handle, shadow }
}

export function cleanup(): void {
  for (const handle of mounted.splice(0)) handle.destroy()
  localStorage.clear()
}

export function byTestId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const element = root.querySelector<T>(`[data-testid="${id}"]`)
  if (!element) throw new Error(`no element with data-testid="${id}"`)
  return element
}

/** The text a screen reader announces for a button or labelled element (the cases we use). */
export function accessibleName(element: Element): string {
  const root = element.getRootNode() as ParentNode
  const labelledBy = element.getAttribute('aria-labelledby')
  if (labelledBy)
    return labelledBy
      .split(' ')
      .map((id) => root.querySelector(`#${id}`)?.textContent?.trim() ?? '')
      .join(' ')
  return element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''
}

export function type(field: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  field.value = value
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

export function press(target: Element, key: string, modifiers: { shiftKey?: boolean } = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }))
}

/** The element with this test id once it is rendered. */
export const findTestId = <T extends HTMLElement = HTMLElement>(root: ParentNode, id: string) => waitFor(() => root.querySelector<T>(`[data-testid="${id}"]`))

/** Clicks the radio or checkbox whose label reads `text`. */
export function choose(root: ParentNode, text: string): void {
  const label = [...root.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text)
  const input = label?.querySelector('input')
  if (!input) throw new Error(`no option labelled "${text}"`)
  input.click()
}

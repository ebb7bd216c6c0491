import { effect } from '@preact/signals'
import { h, render } from 'preact'
import { Panel } from '../components/panel.tsx'
import { addStyles } from '../core/host.ts'
import type { Strings } from '../i18n/index.ts'
import { createWidgetState } from '../state.ts'
import { css } from '../styles.ts'
import type { AttachPanel } from './attach-type.ts'

/**
 * The panel in the launcher's language: `strings` is that dictionary, with the app's overrides when
 * `mount` gives some (the script tag has none, so its panels carry no override code).
 * Its result renders the journey into a launcher's shadow root and answers the widget's handle.
 * The launcher is already on screen (`core/host.ts`); from here on it opens and closes the panel.
 */
export const panelFor = (strings: Strings): AttachPanel => (parts, options) => {
  const { locale } = parts
  const state = createWidgetState(options, locale)
  addStyles(parts.shadow, css)

  /** Closes the panel; focus goes back to the launcher only if it was inside the widget. */
  const close = () => {
    const focusWasInside = parts.shadow.activeElement !== null
    state.isOpen.value = false
    if (focusWasInside) parts.launcher.focus()
  }
  const toggle = () => (state.isOpen.value ? close() : (state.isOpen.value = true))
  parts.launcher.addEventListener('click', toggle)

  // One effect renders the panel (and the launcher's aria-expanded): it re-runs when a signal the
  // render read changes, so components need no signal integration (smaller). Each new screen moves
  // the focus to its `data-autofocus` element.
  let screen = ''
  const stopRendering = effect(() => {
    const open = state.isOpen.value
    parts.launcher.setAttribute('aria-expanded', String(open))
    render(open ? <Panel state={state} strings={strings} locale={locale} onClose={close} /> : null, parts.container)
    const now = open ? `${state.step.value} ${state.questionIndex.value}` : ''
    if (now !== screen) parts.container.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    screen = now
  })

  // After `destroy` nothing renders (the effect is gone), so `open` and `close` do nothing
  // visible, and each step of `destroy` is safe to run twice.
  return {
    open() {
      state.isOpen.value = true
    },
    close,
    destroy() {
      stopRendering()
      render(null, parts.container)
      state.destroy()
      parts.host.remove()
    },
    identify: state.identify,
    prefill: state.prefill,
  }
}

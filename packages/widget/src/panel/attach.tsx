import { effect, signal } from '@preact/signals-core'
import { h, render } from 'preact'
import { Panel, panelSteps } from '../components/panel.tsx'
import { addStyles } from '../core/host.ts'
import type { PanelStrings } from '../i18n/index.ts'
import { createWidgetState } from '../state.ts'
import css from '../components/panel.css?raw'
import type { AttachPanel } from './attach-type.ts'
import type { AttachmentsChunk, LoadedAttachments } from './attachments-type.ts'
import type { FollowScreens, LoadedFollow } from './follow-type.ts'

/** The parts a panel brings later: at once for `mount`, each as a script of its own for the script tag. */
export interface PanelChunks {
  /** The screens after a report exists: once the reporter reaches "Check and send" or opens "My reports". */
  follow: () => Promise<FollowScreens>
  /** Screenshots and files: once the reporter asks to add one. */
  attachments: () => Promise<AttachmentsChunk>
}

/**
 * The panel in the launcher's language: `strings` is that dictionary, with the app's overrides when
 * `mount` gives some (the script tag has none, so its panels carry no override code).
 * Its result renders the journey into a launcher's shadow root and answers the widget's handle.
 * The launcher is already on screen (`core/host.ts`); from here on it opens and closes the panel.
 */
export const panelFor =
  (strings: PanelStrings, chunks: PanelChunks): AttachPanel =>
  (parts, options) => {
    const { locale } = parts
    const state = createWidgetState(options, locale)
    addStyles(parts.shadow, css)

    const follow = signal<LoadedFollow | null>(null)
    let following: Promise<void> | undefined
    const needFollow = () => {
      following ??= chunks.follow().then(
        (loaded) => void (follow.value = { screens: loaded.screens, KnownProblems: loaded.KnownProblems, strings: { ...strings, ...loaded.strings } }),
        // Not there (offline): the next screen change asks again.
        () => void (following = undefined),
      )
    }
    const attachments = signal<LoadedAttachments | null>(null)
    /** Asked for by the reporter: a failure to load says so where the send button's does (they may retry). */
    const addAttachments = () =>
      chunks.attachments().then(
        (loaded) => void (attachments.value ??= { Part: loaded.create(), strings: loaded.strings }),
        (failure: unknown) => void (state.error.value = state.failed(failure)),
      )

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
    let wasOpen = false
    const stopRendering = effect(() => {
      const open = state.isOpen.value
      const { step, question } = state.position.value
      if (open !== wasOpen) {
        // Each opening reads the app's known problems afresh: one may have begun, or been resolved.
        if (open) void state.loadNotices()
        ;(open ? options.onOpen : options.onClose)?.()
      }
      wasOpen = open
      // Near the end of the journey: at "Check and send", on a suggestion that may solve it, or after;
      // or a known problem to show, whose "Me too" ends the journey in one tap.
      if (open && (step === 'review' || !(step in panelSteps) || state.suggestion.value || state.notices.value.length)) needFollow()
      parts.launcher.setAttribute('aria-expanded', String(open))
      render(
        open ? (
          <Panel state={state} strings={strings} locale={locale} follow={follow.value} attachments={attachments.value} addAttachments={addAttachments} onClose={close} />
        ) : null,
        parts.container,
      )
      // A follow-up screen that arrives later is a new screen too.
      const now = open ? `${step} ${question} ${!!follow.value}` : ''
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

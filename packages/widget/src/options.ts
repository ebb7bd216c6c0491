import type { ReportCreated } from '@triage/sdk'
import type { StringOverrides } from './i18n/index.ts'

export const positions = ['bottom-right', 'bottom-left'] as const
/** The corner of the viewport that holds the launcher and the panel. */
export type Position = (typeof positions)[number]

export interface WidgetOptions {
  /** The app's publishable key (`pk_…`). Required. */
  key: string
  /** Base URL of the Triage API, e.g. `https://triage.example.com`. Required. */
  endpoint: string
  /** A BCP 47 tag (`fr`, `fr-CA`, `en-GB`). Default: `navigator.language`; English when unknown. */
  locale?: string
  /** Default: `bottom-right`. */
  position?: Position
  /** The brand color (any CSS color), set as `--triage-color`. Default: the stylesheet's blue. */
  color?: string
  /** Replaces any visible string of the chosen locale. */
  strings?: StringOverrides
  /** Called after a report is created, with the server's answer. */
  onSubmit?: (report: ReportCreated) => void
  /** A fetch implementation for the SDK. Default: the global one. */
  fetch?: typeof fetch
}

/** What `mount` returns: the widget, driven from the app. */
export interface WidgetHandle {
  /** Opens the panel and moves focus into it. */
  open(): void
  /** Closes the panel; focus returns to the launcher if it was inside the widget. */
  close(): void
  /** Removes the widget and everything it added to the page. Safe to call twice. */
  destroy(): void
}

/** A `position` value we know, or the default (script-tag attributes are free text). */
export function toPosition(value: string | null | undefined): Position {
  return positions.find((position) => position === value) ?? 'bottom-right'
}

import type { ReportCreated, ReportView, SimilarResolution, TriageIntegration, TriageUser } from '@triage/sdk'
import type { StringOverrides } from './i18n/index.ts'

export const positions = ['bottom-right', 'bottom-left'] as const
/** The corner of the viewport that holds the launcher and the panel. */
export type Position = (typeof positions)[number]

/** What `onDeflect` hears: the reporter's words and the resolved incident that answered them. */
export interface Deflection {
  symptoms: string
  similar: SimilarResolution
  /** How many problems were solved this way in this browser, this one included. */
  count: number
}

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
  /** Called after a report is created (also when the offline queue delivers it later). */
  onSubmit?: (report: ReportCreated) => void
  /** Called when a followed report changes status, with its new view. */
  onStatusChange?: (view: ReportView) => void
  /** Called when a resolved incident's note solved the problem: no ticket was created. */
  onDeflect?: (deflection: Deflection) => void
  /** SDK integrations, e.g. `breadcrumbs()` from `@triage/sdk/breadcrumbs` (shown as "recent activity"). */
  integrations?: TriageIntegration[]
  /** A fetch implementation for the SDK. Default: the global one. */
  fetch?: typeof fetch
}

/** What `prefill` fills in; the reporter can still change it. */
export interface Prefill {
  symptoms?: string
  contact?: { name?: string; email?: string }
}

/** What `mount` returns (and `window.Triage` holds): the widget, driven from the app. */
export interface WidgetHandle {
  /** Opens the panel and moves focus into it. */
  open(): void
  /** Closes the panel; focus returns to the launcher if it was inside the widget. */
  close(): void
  /** Removes the widget and everything it added to the page. Safe to call twice. */
  destroy(): void
  /** Your signed-in user (or `null` on sign-out): prefills the contact step, sent in the context. */
  identify(user: TriageUser | null): void
  /** Fills in the description and contact, e.g. from your own "Report" menu. */
  prefill(values: Prefill): void
  /** Makes `element` open the panel on click, like the launcher; answers what detaches it. */
  attachTo(element: Element): () => void
}

/** A `position` value we know, or the default (script-tag attributes are free text). */
export function toPosition(value: string | null | undefined): Position {
  return positions.find((position) => position === value) ?? 'bottom-right'
}

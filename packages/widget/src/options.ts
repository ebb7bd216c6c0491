import type { ReportCreated, ReportView, SimilarResolution, TriageClient, TriageIntegration, TriageUser } from '@triage/sdk'
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

/** Everything but where the widget reports: how it looks, speaks and tells your app. */
export interface WidgetSettings {
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
  /** Called when the panel opens (the launcher, `open()`, an element of `attachTo`). */
  onOpen?: () => void
  /** Called when the panel closes (its Close button, Escape, the launcher, `close()`). */
  onClose?: () => void
  /**
   * Called with what went wrong that the reporter cannot fix and the widget cannot say in their
   * words: a fault in the page or the widget (not a `TriageError`, which the panel shows), a
   * queued report the server refused for good, a followed report whose token stopped working.
   */
  onError?: (error: unknown) => void
  /** SDK integrations, e.g. `breadcrumbs()` from `@triage/sdk/breadcrumbs` (shown as "recent activity"). Not used with `client` (its own are). */
  integrations?: TriageIntegration[]
  /** A fetch implementation for the SDK. Default: the global one. Not used with `client`. */
  fetch?: typeof fetch
}

/**
 * The widget's options: where it reports, with its settings. Either your publishable key and the
 * API's base URL (the widget makes its own SDK client), or your app's own SDK client.
 */
export type WidgetOptions = WidgetSettings &
  (
    | {
        /** The app's publishable key (`pk_…`). Required without `client`. */
        key: string
        /** Base URL of the Triage API, e.g. `https://triage.example.com`. Required without `client`. */
        endpoint: string
        client?: undefined
      }
    | {
        /**
         * Your app's SDK client (`createTriage`), to report through it: its key, context,
         * `beforeSend`, storage, integrations and `locale` (give it the widget's, for the questions
         * and notices), one set of listeners for both; its `onSent` hears of reports the offline
         * queue delivers later. The widget never closes it.
         */
        client: TriageClient
        key?: undefined
        endpoint?: undefined
      }
  )

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
  /**
   * Makes an element of your page open the panel on click, like the launcher: the element, or a
   * CSS selector of it (`'#help'`). Answers what detaches it; throws a `TypeError` when the
   * selector matches nothing.
   */
  attachTo(target: Element | string): () => void
}

/** A `position` value we know, or the default (script-tag attributes are free text). */
export function toPosition(value: string | null | undefined): Position {
  return positions.find((position) => position === value) ?? 'bottom-right'
}

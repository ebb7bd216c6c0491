import type { FunctionComponent } from 'preact'
import type { FollowStrings, Locale, PanelStrings } from '../i18n/index.ts'
import type { LoadedAttachments } from '../panel/attachments-type.ts'
import type { WidgetState } from '../state.ts'

/**
 * What every step receives. A step marks the element that takes the focus when it appears with
 * `data-autofocus` (see `panel/attach.tsx`): the control that held it is gone, and keyboard and
 * screen reader users must follow (WCAG 2.4.3 Focus Order).
 */
export interface StepProps<S extends PanelStrings = PanelStrings & FollowStrings> {
  state: WidgetState
  /** The words of this screen: the panel's own, and once loaded the follow-up screens' too. */
  strings: S
  locale: Locale
}

/**
 * What a screen of the panel itself receives: the words up to sending, the follow-up chunk's parts
 * once they have arrived, and the attachments' part once it is asked for.
 */
export interface PanelStepProps extends StepProps<PanelStrings> {
  /** The follow-up chunk's part of the first step (a `LoadedFollow`, panel/follow-type.ts, which imports this file). */
  follow?: { KnownProblems: FunctionComponent<StepProps>; strings: PanelStrings & FollowStrings } | null
  attachments?: LoadedAttachments | null
  addAttachments?: () => void
}

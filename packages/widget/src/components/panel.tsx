import type { FunctionComponent, TargetedKeyboardEvent } from 'preact'
import { h } from 'preact'
import type { LoadedFollow } from '../panel/follow-type.ts'
import type { FollowStep } from '../panel/follow-type.ts'
import type { Step } from '../transitions.ts'
import { Contact } from '../steps/contact.tsx'
import { Describe } from '../steps/describe.tsx'
import { Diagnose } from '../steps/diagnose.tsx'
import { Queued } from '../steps/queued.tsx'
import type { PanelStepProps } from '../steps/props.ts'
import { Review } from '../steps/review.tsx'

export interface PanelProps extends PanelStepProps {
  /** The screens after a report exists, once they have arrived. */
  follow: LoadedFollow | null
  onClose: () => void
}

const focusable = 'button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])'

/** The component of each step of the panel itself; each one takes the focus when it appears. */
export const panelSteps: Record<Exclude<Step, FollowStep>, FunctionComponent<PanelStepProps>> = {
  describe: Describe,
  diagnose: Diagnose,
  contact: Contact,
  review: Review,
  queued: Queued,
}

/**
 * A modal dialog: Escape closes it, Tab and Shift+Tab cycle inside it.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/
 */
export function Panel({ onClose, follow, ...props }: PanelProps) {
  function onKeyDown(event: TargetedKeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      // The page may close its own dialogs on Escape: this one was ours.
      event.stopPropagation()
      onClose()
    } else if (event.key === 'Tab') {
      const dialog = event.currentTarget
      const items = [...dialog.querySelectorAll<HTMLElement>(focusable)]
      const active = (dialog.getRootNode() as ShadowRoot).activeElement
      // Past the last item (or the first, backwards), or from outside: around to the other end.
      const [edge, other] = event.shiftKey ? [items[0], items.at(-1)] : [items.at(-1), items[0]]
      if (active === edge || !dialog.contains(active)) {
        event.preventDefault()
        other?.focus()
      }
    }
  }

  const step = props.state.position.value.step
  const Screen = (panelSteps as Partial<Record<Step, FunctionComponent<PanelStepProps>>>)[step]
  const Follow = Screen ? null : follow?.screens[step as FollowStep]
  return (
    <div class="panel" role="dialog" aria-modal="true" aria-labelledby="triage-title" data-step={step} onKeyDown={onKeyDown}>
      <div class="header">
        <h2 id="triage-title">{props.strings.title}</h2>
        <button type="button" class="close" onClick={onClose}>
          {props.strings.close}
        </button>
      </div>
      {Screen ? (
        <Screen key={step} {...props} follow={follow} />
      ) : Follow && follow ? (
        <Follow key={step} {...props} strings={follow.strings} />
      ) : (
        <p aria-live="polite">{props.strings.loading}</p>
      )}
    </div>
  )
}

import type { TargetedKeyboardEvent } from 'preact'
import type { Strings } from '../i18n/index.ts'
import type { WidgetState } from '../state.ts'
import { Confirmation } from '../steps/confirmation.tsx'
import { Describe } from '../steps/describe.tsx'

export interface PanelProps {
  strings: Strings
  state: WidgetState
  onClose: () => void
}

const focusable = 'button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog: Escape closes it, Tab cycles inside it.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/
 */
export function Panel({ strings, state, onClose }: PanelProps) {
  function onKeyDown(event: TargetedKeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      // The page may close its own dialogs on Escape: this one was ours.
      event.stopPropagation()
      onClose()
    } else if (event.key === 'Tab') {
      const dialog = event.currentTarget
      const items = [...dialog.querySelectorAll<HTMLElement>(focusable)]
      const active = (dialog.getRootNode() as ShadowRoot).activeElement
      const first = items[0]
      const last = items.at(-1)
      if (event.shiftKey && active === first) {
        event.preventDefault()
        last?.focus()
      } else if (!event.shiftKey && active === last) {
        event.preventDefault()
        first?.focus()
      }
    }
  }

  return (
    <div class="panel" role="dialog" aria-modal="true" aria-labelledby="triage-title" onKeyDown={onKeyDown}>
      <div class="header">
        <h2 id="triage-title">{strings.title}</h2>
        <button type="button" class="close" onClick={onClose}>
          {strings.close}
        </button>
      </div>
      {state.step.value === 'describe' ? <Describe strings={strings} state={state} /> : <Confirmation strings={strings} state={state} />}
    </div>
  )
}

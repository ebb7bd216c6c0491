import { h } from 'preact'
import type { PanelStepProps } from './props.ts'

/**
 * A screen that only tells something: the thank-you after a deflection (`deflected`), or a report
 * saved offline (`queued`); the step names its strings and its test id.
 */
export function Notice({ state, strings }: PanelStepProps) {
  const step = state.step.value as 'queued' | 'deflected'
  // Read by name, not by `${step}Title`: the panel build shortens the dictionary's keys.
  const [title, body] = step === 'queued' ? [strings.queuedTitle, strings.queuedBody] : [strings.deflectedTitle, strings.deflectedBody]
  return (
    <div data-testid={`triage-${step}`}>
      <h3 tabIndex={-1} data-autofocus>
        {title}
      </h3>
      <p>{body}</p>
      <div class="actions">
        <button type="button" onClick={state.showReports}>
          {strings.myReports}
        </button>
        <button type="button" class="primary" onClick={state.startOver}>
          {strings.newReport}
        </button>
      </div>
    </div>
  )
}

import { h } from '../panel/jsx.ts'
import type { PanelStepProps, StepProps } from './props.ts'

/**
 * A screen that only tells something, then offers "My reports" or another report: a report saved
 * offline (`queued.tsx`, in the panel: it must show without the network), or the thank-you after a
 * deflection ({@link Deflected}, with the screens after the journey: a deflection needed the network).
 */
export function notice({ state, strings }: PanelStepProps, step: string, title: string, body: string) {
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

/** The thank-you after a resolved incident's note solved the problem: no ticket was created. */
export const Deflected = (props: StepProps) => notice(props, 'deflected', props.strings.deflectedTitle, props.strings.deflectedBody)

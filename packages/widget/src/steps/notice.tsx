import { h } from 'preact'
import type { StepProps } from './props.ts'

interface NoticeProps extends StepProps {
  title: string
  body: string
  testId: string
}

/** A screen that only tells something: the thank-you after a deflection, or a report saved offline. */
export function Notice({ state, strings, title, body, testId }: NoticeProps) {
  return (
    <div data-testid={testId}>
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

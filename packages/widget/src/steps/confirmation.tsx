import { useEffect, useRef } from 'preact/hooks'
import { words } from '../i18n/index.ts'
import type { Strings } from '../i18n/index.ts'
import type { WidgetState } from '../state.ts'

export interface ConfirmationProps {
  strings: Strings
  state: WidgetState
}

/** Second step: the ticket the server created, in plain words, and its current status. */
export function Confirmation({ strings, state }: ConfirmationProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  // The send button that held the focus is gone: move it here so keyboard and screen reader users follow.
  useEffect(() => heading.current?.focus(), [])

  const report = state.confirmed.value
  if (!report) return null
  return (
    <div>
      <h3 ref={heading} tabIndex={-1}>
        {strings.receivedTitle}
      </h3>
      <dl>
        <dt>{strings.numberLabel}</dt>
        <dd class="number" data-testid="triage-number">
          {report.number}
        </dd>
        <dt>{strings.statusLabel}</dt>
        <dd data-testid="triage-status" aria-live="polite">
          {words(strings.status, report.status)}
        </dd>
        <dt>{strings.categoryLabel}</dt>
        <dd data-testid="triage-category">{words(strings.category, report.category)}</dd>
        <dt>{strings.priorityLabel}</dt>
        <dd data-testid="triage-priority">{words(strings.priority, report.priority)}</dd>
        <dt>{strings.symptomsEcho}</dt>
        <dd>{state.symptoms.value}</dd>
      </dl>
      <button type="button" class="primary" onClick={state.startOver}>
        {strings.newReport}
      </button>
    </div>
  )
}

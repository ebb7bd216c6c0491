import { limits } from '@triage/protocol'
import type { TargetedEvent } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { LastReport } from '../components/last-report.tsx'
import type { Strings } from '../i18n/index.ts'
import type { WidgetState } from '../state.ts'

export interface DescribeProps {
  strings: Strings
  state: WidgetState
}

/**
 * First step: the reporter says what is happening. Errors sit in live regions that exist before
 * they fill, so screen readers announce them.
 * @see https://www.w3.org/WAI/WCAG22/Understanding/status-messages
 */
export function Describe({ strings, state }: DescribeProps) {
  const textarea = useRef<HTMLTextAreaElement>(null)
  useEffect(() => textarea.current?.focus(), [])

  const missing = state.symptomsMissing.value
  const sending = state.sending.value
  const sendError = state.sendError.value

  function onSubmit(event: TargetedEvent<HTMLFormElement>) {
    event.preventDefault()
    void state.submit()
    if (state.symptomsMissing.value) textarea.current?.focus()
  }

  function onSymptomsInput(event: TargetedEvent<HTMLTextAreaElement>) {
    state.symptoms.value = event.currentTarget.value
    if (missing && state.symptoms.value.trim()) state.symptomsMissing.value = false
  }

  return (
    <>
      <LastReport strings={strings} state={state} />
      <form noValidate aria-busy={sending} onSubmit={onSubmit}>
        <label for="triage-symptoms">{strings.symptomsLabel}</label>
        <p id="triage-symptoms-hint" class="hint">
          {strings.symptomsHint}
        </p>
        <textarea
          ref={textarea}
          id="triage-symptoms"
          data-testid="triage-symptoms"
          required
          maxLength={limits.symptomsChars}
          aria-invalid={missing}
          aria-describedby="triage-symptoms-hint triage-symptoms-error"
          value={state.symptoms}
          onInput={onSymptomsInput}
        />
        <p id="triage-symptoms-error" class="error" aria-live="polite">
          {missing ? strings.symptomsRequired : ''}
        </p>

        <label for="triage-name">{strings.nameLabel}</label>
        <input
          id="triage-name"
          autoComplete="name"
          maxLength={limits.nameChars}
          value={state.name}
          onInput={(event) => (state.name.value = event.currentTarget.value)}
        />
        <label for="triage-email">{strings.emailLabel}</label>
        <input
          id="triage-email"
          type="email"
          autoComplete="email"
          maxLength={limits.emailChars}
          value={state.email}
          onInput={(event) => (state.email.value = event.currentTarget.value)}
        />

        <p class="error" aria-live="assertive" aria-atomic="true" data-testid="triage-error">
          {sendError === null ? '' : `${strings.sendFailed} ${sendError}`.trim()}
        </p>
        {/* aria-disabled, not disabled: a disabled button drops the focus while sending. */}
        <button type="submit" class="primary" data-testid="triage-send" aria-disabled={sending}>
          {sending ? strings.sending : strings.send}
        </button>
      </form>
    </>
  )
}

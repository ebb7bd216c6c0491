import { limits } from '@triage/protocol'
import type { TargetedEvent } from 'preact'
import { h } from 'preact'
import type { PanelStepProps } from './props.ts'
import { stepActions } from './step-actions.tsx'

/**
 * Step 1: the reporter says what is happening. A known problem of the app comes first, with "Me
 * too", which files it in one tap (`known-problems.tsx`, with the follow-up screens); anything else
 * is described below. After a few words, a resolved
 * incident whose public note may solve it is offered; "Yes" ends here without a ticket. Messages
 * sit in live regions that exist before they fill, so screen readers announce them.
 * @see https://www.w3.org/WAI/WCAG22/Understanding/status-messages
 */
export function Describe({ state, strings, locale, follow }: PanelStepProps) {
  const missing = state.symptomsMissing.value
  const suggestion = state.suggestion.value

  function onSubmit(event: TargetedEvent<HTMLFormElement>) {
    event.preventDefault()
    void state.describeDone()
    if (state.symptomsMissing.value) event.currentTarget.querySelector('textarea')?.focus()
  }

  function notSolved() {
    state.dismissed.value = true
    void state.describeDone()
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      <div aria-live="polite">{follow && <follow.KnownProblems state={state} strings={follow.strings} locale={locale} />}</div>
      <label for="triage-symptoms">{strings.symptomsLabel}</label>
      <p id="triage-symptoms-hint" class="hint">
        {strings.symptomsHint}
      </p>
      <textarea
        data-autofocus
        id="triage-symptoms"
        data-testid="triage-symptoms"
        required
        maxLength={limits.symptomsChars}
        aria-invalid={missing}
        aria-describedby="triage-symptoms-hint triage-symptoms-error"
        value={state.symptoms.value}
        onInput={(event) => state.setSymptoms(event.currentTarget.value)}
      />
      <p id="triage-symptoms-error" class="error" aria-live="polite">
        {missing ? strings.symptomsRequired : ''}
      </p>
      <div aria-live="polite">
        {suggestion && (
          <section class="card" data-testid="triage-suggestion" aria-labelledby="triage-suggestion-question">
            <p>
              <strong>{strings.suggestion}</strong> {suggestion.publicNote} ({suggestion.number})
            </p>
            <p id="triage-suggestion-question">{strings.suggestionQuestion}</p>
            <div class="row">
              <button type="button" data-testid="triage-solved" onClick={state.deflect}>
                {strings.yes}
              </button>
              <button type="button" data-testid="triage-not-solved" onClick={notSolved}>
                {strings.no}
              </button>
            </div>
          </section>
        )}
      </div>
      {stepActions(strings.myReports, state.showReports, strings.next)}
    </form>
  )
}

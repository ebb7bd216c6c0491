import { h } from 'preact'
import { limits } from '@triage/protocol'
import type { StepProps } from './props.ts'
import { StepActions } from './step-actions.tsx'

/** Step 3: how to reach the reporter, prefilled by `identify`; both fields are optional. */
export function Contact({ state, strings }: StepProps) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        state.step.value = 'review'
      }}
    >
      <h3 tabIndex={-1} data-autofocus>
        {strings.contactTitle}
      </h3>
      <label for="triage-name">{strings.nameLabel}</label>
      <input id="triage-name" autoComplete="name" maxLength={limits.nameChars} value={state.name.value} onInput={(event) => (state.name.value = event.currentTarget.value)} />
      <label for="triage-email">{strings.emailLabel}</label>
      <input
        id="triage-email"
        type="email"
        autoComplete="email"
        maxLength={limits.emailChars}
        aria-describedby="triage-consent"
        value={state.email.value}
        onInput={(event) => (state.email.value = event.currentTarget.value)}
      />
      <p id="triage-consent" class="hint">
        {strings.consent}
      </p>
      <StepActions
        secondary={strings.back}
        onSecondary={() => (state.step.value = state.questions.value.length > 0 ? 'diagnose' : 'describe')}
        next={strings.next}
      />
    </form>
  )
}

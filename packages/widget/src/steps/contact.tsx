import { h } from 'preact'
import { limits } from '@triage/protocol'
import type { PanelStepProps } from './props.ts'
import { stepActions } from './step-actions.tsx'

/**
 * Step 3: how to reach the reporter, prefilled by `identify`; both fields are optional. An e-mail
 * address that cannot be one (the browser's own check of `type="email"`) is said here, in the
 * reporter's language, rather than by the server's refusal at the end.
 */
export function Contact({ state, strings }: PanelStepProps) {
  const invalid = state.emailInvalid.value
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const valid = event.currentTarget.checkValidity()
        state.emailInvalid.value = !valid
        if (valid) state.next()
        else event.currentTarget.querySelector<HTMLElement>('[type=email]')?.focus()
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
        aria-invalid={invalid}
        aria-describedby="triage-email-error triage-consent"
        value={state.email.value}
        onInput={(event) => {
          state.email.value = event.currentTarget.value
          // Once fixed, the error goes: it is not left to contradict the address.
          if (invalid) state.emailInvalid.value = !event.currentTarget.checkValidity()
        }}
      />
      <p id="triage-email-error" class="error" aria-live="polite">
        {invalid ? strings.emailInvalid : ''}
      </p>
      <p id="triage-consent" class="hint">
        {strings.consent}
      </p>
      {stepActions(strings.back, state.back, strings.next)}
    </form>
  )
}

import type { TargetedEvent } from 'preact'
import { Fragment, h } from 'preact'
import type { ContextPart } from '../context-parts.ts'
import { previewContext } from '../context-parts.ts'
import { fill, words } from '../i18n/index.ts'
import { FailureLine } from './failure-line.tsx'
import type { PanelStepProps } from './props.ts'

/**
 * Step 4: everything that will be sent, with a checkbox per captured context part, and a button
 * that brings screenshots and files (the attachments chunk, loaded then).
 */
export function Review({ state, strings, attachments, addAttachments }: PanelStepProps) {
  const diagnosis = state.diagnosis.value
  const sending = state.sending.value
  const error = state.error.value
  const preview = previewContext(state.client.integrations)
  const parts: [ContextPart, string, string][] = [
    ['url', strings.contextUrl, preview.url],
    ['browser', strings.contextBrowser, preview.browser],
  ]
  if (preview.activity > 0) parts.push(['activity', fill(strings.contextActivity, { n: preview.activity }), ''])
  const contact = [state.name.value.trim(), state.email.value.trim()].filter(Boolean).join(' · ')
  const category = diagnosis && words(strings.category, diagnosis.category.value)

  function onSubmit(event: TargetedEvent<HTMLFormElement>) {
    event.preventDefault()
    void state.send()
  }

  return (
    <form noValidate aria-busy={sending} onSubmit={onSubmit}>
      <h3 tabIndex={-1} data-autofocus>
        {strings.reviewTitle}
      </h3>
      <dl data-testid="triage-review">
        <dt>{strings.symptomsEcho}</dt>
        <dd>{state.symptoms.value.trim()}</dd>
        {category && (
          <>
            <dt>{strings.categoryLabel}</dt>
            <dd>{category}</dd>
          </>
        )}
        {state.questions.value.map((question) => {
          const value = state.answers.value[question.id]?.trim()
          if (!value) return null
          const label = question.options?.find((option) => option.value === value)?.label ?? words({ yes: strings.yes, no: strings.no }, value)
          return (
            <div key={question.id} class="pair">
              <dt>{question.text}</dt>
              <dd>{label}</dd>
            </div>
          )
        })}
        {contact && (
          <>
            <dt>{strings.contactLabel}</dt>
            <dd>{contact}</dd>
          </>
        )}
      </dl>
      <fieldset>
        <legend>{strings.contextTitle}</legend>
        {parts.map(([part, label, detail]) => (
          <label key={part} class="option">
            <input
              type="checkbox"
              data-testid={`triage-context-${part}`}
              checked={state.left.value.indexOf(part) < 0}
              onChange={(event) => state.toggleContext(part, event.currentTarget.checked)}
            />
            <span>
              {label}
              {detail && <span class="detail">{detail}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {attachments ? (
        <attachments.Part state={state} strings={attachments.strings} />
      ) : (
        <button type="button" data-testid="triage-add-attachments" onClick={addAttachments}>
          {strings.addAttachments}
        </button>
      )}
      <FailureLine failed={strings.sendFailed} detail={error} testId="triage-error" />
      <div class="actions">
        <button type="button" onClick={state.back}>
          {strings.back}
        </button>
        {/* aria-disabled, not disabled: a disabled button drops the focus while sending. */}
        <button type="submit" class="primary" data-testid="triage-send" aria-disabled={sending}>
          {sending ? strings.sending : strings.send}
        </button>
      </div>
    </form>
  )
}

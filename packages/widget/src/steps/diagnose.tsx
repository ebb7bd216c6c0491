import type { DiagnosticQuestion } from '@triage/sdk'
import type { TargetedEvent } from 'preact'
import { Fragment, h } from 'preact'
import { fill } from '../i18n/index.ts'
import type { PanelStepProps } from './props.ts'
import { stepActions } from './step-actions.tsx'

/** Step 2: the guided questions of the likely category, one per screen, and a way to pick another category. */
export function Diagnose({ state, strings }: PanelStepProps) {
  const diagnosis = state.diagnosis.value
  const questions = state.questions.value
  const index = Math.min(state.position.value.question, questions.length - 1)
  const question = questions[index]
  const possible = state.possibleQuestions.value

  function onSubmit(event: TargetedEvent<HTMLFormElement>) {
    event.preventDefault()
    state.next()
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      <h3>{strings.diagnoseTitle}</h3>
      {/* The category is picked once, with the first question: it decides the questions that follow. */}
      {diagnosis && index === 0 && (
        <>
          <label for="triage-category">{strings.categoryLabel}</label>
          <select id="triage-category" data-testid="triage-pick-category" value={state.category.value} onChange={(event) => void state.pickCategory(event.currentTarget.value)}>
            {diagnosis.categories.map((category) => (
              <option key={category.value} value={category.value}>
                {strings.category[category.value] ?? category.label}
              </option>
            ))}
          </select>
        </>
      )}
      {question && (
        <>
          <p class="hint" aria-live="polite">
            {/* Never a false total: while an answer may add a question, "of up to". */}
            {fill(possible > questions.length ? strings.questionCountUpTo : strings.questionCount, { n: index + 1, total: possible })}
          </p>
          <Question key={question.id} question={question} state={state} strings={strings} />
        </>
      )}
      {stepActions(strings.back, state.back, strings.next)}
    </form>
  )
}

interface QuestionProps extends Pick<PanelStepProps, 'state' | 'strings'> {
  question: DiagnosticQuestion
}

/** One question: a radio group for a choice or yes/no, a text field for a short answer. */
function Question({ question, state, strings }: QuestionProps) {
  const value = state.answers.value[question.id] ?? ''
  if (question.kind === 'short_text') {
    return (
      <>
        <label for="triage-answer">{question.text}</label>
        <input
          data-autofocus
          id="triage-answer"
          data-testid="triage-answer"
          maxLength={question.maxLength}
          value={value}
          onInput={(event) => state.answer(question.id, event.currentTarget.value)}
        />
      </>
    )
  }
  const options = question.options ?? [
    { value: 'yes', label: strings.yes },
    { value: 'no', label: strings.no },
  ]
  return (
    <fieldset>
      <legend>{question.text}</legend>
      {options.map((option) => (
        <label key={option.value} class="option">
          <input
            data-autofocus={option === options[0] ? '' : undefined}
            type="radio"
            name={question.id}
            value={option.value}
            checked={value === option.value}
            onChange={() => state.answer(question.id, option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}

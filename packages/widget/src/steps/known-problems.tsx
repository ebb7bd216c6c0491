import { fill, formatDate } from '../i18n/index.ts'
import { h } from '../panel/jsx.ts'
import { FailureLine } from './failure-line.tsx'
import type { StepProps } from './props.ts'

/**
 * The app's known problems (its open major incidents) at the top of the first step, each with "Me
 * too", which files it in one tap and follows it like the reporter's own report. It comes with the
 * screens after the journey, loaded as soon as there is a notice: reading one needed the network,
 * and the tap leads to the ticket screen.
 */
export function KnownProblems({ state, strings, locale }: StepProps) {
  // Today's problems say the time only; older ones the day too.
  const since = (iso: string) => formatDate(locale, iso, new Date(iso).toDateString() === new Date().toDateString() ? { timeStyle: 'short' } : undefined)
  return state.notices.value.map((notice) => (
    <section key={notice.id} class="card" data-testid="triage-notice">
      <p>{fill(strings.knownProblem, { text: notice.text, time: since(notice.since) })}</p>
      {/* In a row, as the suggestion's answers are: the button had 4 px under the notice's words. */}
      <div class="row">
        <button type="button" class="primary" data-testid="triage-me-too" aria-disabled={state.sending.value} onClick={() => void state.meToo(notice)}>
          {strings.meToo}
        </button>
      </div>
      <FailureLine failed={strings.sendFailed} detail={state.error.value} />
    </section>
  ))
}

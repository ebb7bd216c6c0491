import type { ReportEvent, ReportView } from '@triage/sdk'
import type { TargetedEvent } from 'preact'
import { Fragment, h } from '../panel/jsx.ts'
import { limits } from '@triage/protocol'
import type { FollowStrings } from '../i18n/index.ts'
import { fill, formatDate, words } from '../i18n/index.ts'
import { FailureLine } from './failure-line.tsx'
import { act } from './report-actions.ts'
import type { StepProps } from './props.ts'

/** The fields of a report as the reporter sees them, whichever answer is the freshest. */
type ReportSummary = Pick<ReportView, 'number' | 'status' | 'category' | 'priority' | 'summary' | 'emailUpdates'> &
  Partial<Pick<ReportView, 'slaPromise' | 'timeline' | 'attachments'>>

/** Who or what an entry of the timeline is, in words. */
function eventLabel(event: ReportEvent, strings: FollowStrings): string {
  if (event.type === 'message') return event.author === 'agent' ? strings.agent : strings.reporter
  return fill(words(strings.event, event.type), { status: event.status ? words(strings.status, event.status) : '' })
}

/**
 * Steps 5 and 6: the ticket just sent (a thank-you while it is new; once it moved on, or picked
 * from "My reports", titled by its first words) in plain words with the promise that holds now and
 * how replies arrive, then its timeline, live: agent messages and status changes arrive without a
 * reload, a closed report's reopening too.
 * The reporter replies; on a resolved report they confirm the fix or say what is still wrong;
 * a closed one they reopen.
 */
export function Report({ state, strings, locale }: StepProps) {
  // The report as the reporter sees it: its latest view once one arrived, else as it was created.
  const shown = state.report.value
  const latest = state.view.value
  const summary: ReportSummary | null = shown && latest?.id === shown.id ? latest : shown
  if (!summary) return null
  const acting = state.acting.value
  const error = state.error.value
  const status = summary.status
  const resolved = status === 'resolved'

  function onReply(event: TargetedEvent<HTMLFormElement>) {
    event.preventDefault()
    void act(state, resolved && !state.reply.value.trim() ? 'reopen' : 'reply')
  }

  return (
    <div>
      <h3 tabIndex={-1} data-autofocus>
        {state.justSent.value && status === 'new' ? strings.receivedTitle : summary.summary || summary.number}
      </h3>
      <dl>
        <dt>{strings.numberLabel}</dt>
        <dd class="number" data-testid="triage-number">
          {summary.number}
        </dd>
        <dt>{strings.statusLabel}</dt>
        <dd data-testid="triage-status" aria-live="polite">
          {words(strings.status, status)}
        </dd>
        <dt>{strings.categoryLabel}</dt>
        <dd data-testid="triage-category">{words(strings.category, summary.category)}</dd>
        <dt>{strings.priorityLabel}</dt>
        <dd data-testid="triage-priority">{words(strings.priority, summary.priority)}</dd>
        {summary.slaPromise && (
          <>
            <dt>{strings.slaLabel}</dt>
            <dd data-testid="triage-sla">{summary.slaPromise}</dd>
          </>
        )}
        {summary.attachments && (
          <>
            <dt>{strings.filesLabel}</dt>
            <dd data-testid="triage-files">{summary.attachments.map((file) => file.name).join('\n')}</dd>
          </>
        )}
      </dl>
      {status !== 'closed' && (
        <p class="hint" data-testid="triage-replies">
          {summary.emailUpdates ? strings.repliesEmail : strings.repliesHere}
        </p>
      )}
      {summary.timeline && (
        <section aria-labelledby="triage-timeline-title">
          <h4 id="triage-timeline-title">{strings.timelineTitle}</h4>
          <ol class="timeline" data-testid="triage-timeline" aria-live="polite">
            {summary.timeline.map((event) => (
              <li key={event.at + event.type} class={event.author ?? ''}>
                <span class="meta">
                  <strong>{eventLabel(event, strings)}</strong> · <time dateTime={event.at}>{formatDate(locale, event.at)}</time>
                </span>
                {event.body && <span class="body">{event.body}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {resolved && (
        <div class="row">
          <button type="button" class="primary" data-testid="triage-fixed" aria-disabled={acting} onClick={() => void act(state, 'confirm')}>
            {strings.fixed}
          </button>
        </div>
      )}
      {status === 'closed' ? (
        <div class="row">
          <button type="button" data-testid="triage-reopen" aria-disabled={acting} onClick={() => void act(state, 'reopen')}>
            {strings.reopen}
          </button>
        </div>
      ) : (
        <form noValidate onSubmit={onReply}>
          <label for="triage-reply">{resolved ? strings.stillWrongLabel : strings.replyLabel}</label>
          <textarea
            id="triage-reply"
            data-testid="triage-reply"
            maxLength={limits.messageChars}
            value={state.reply.value}
            onInput={(event) => (state.reply.value = event.currentTarget.value)}
          />
          <button type="submit" data-testid={resolved ? 'triage-reopen' : 'triage-reply-send'} aria-disabled={acting}>
            {resolved ? strings.stillBroken : strings.replySend}
          </button>
        </form>
      )}
      <FailureLine failed={strings.actionFailed} detail={error} />
      <div class="actions">
        <button type="button" onClick={state.showReports}>
          {strings.myReports}
        </button>
        <button type="button" onClick={state.startOver}>
          {strings.newReport}
        </button>
      </div>
    </div>
  )
}

import { h } from '../panel/jsx.ts'
import { formatDate, words } from '../i18n/index.ts'
import type { StepProps } from './props.ts'

/** The reports sent from this browser (across visits), newest first; queued ones wait for the network. */
export function MyReports({ state, strings, locale }: StepProps) {
  const reports = state.reports.value
  return (
    <div>
      <h3 tabIndex={-1} data-autofocus>
        {strings.myReports}
      </h3>
      {reports === null ? (
        <p aria-live="polite">{strings.loading}</p>
      ) : reports.length === 0 ? (
        <p>{strings.noReports}</p>
      ) : (
        <ul class="reports" data-testid="triage-reports">
          {reports.map((report) =>
            report.status === 'queued' ? (
              <li key={report.idempotencyKey}>
                <strong>{strings.queuedStatus}</strong> <span class="detail">{report.symptoms}</span>
              </li>
            ) : (
              <li key={report.id}>
                {/* The number and date, the first words (reports older than them have none), the status. */}
                <button type="button" onClick={() => state.show(report, false, 'open')}>
                  <strong>{report.number}</strong> · {formatDate(locale, report.createdAt, { dateStyle: 'medium' })}
                  {report.summary && <span class="summary">{report.summary}</span>}
                  <span class="detail">{words(strings.status, report.status)}</span>
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <div class="actions">
        <button type="button" onClick={state.back}>
          {strings.back}
        </button>
      </div>
    </div>
  )
}

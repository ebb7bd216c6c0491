import { words } from '../i18n/index.ts'
import type { Strings } from '../i18n/index.ts'
import type { WidgetState } from '../state.ts'

export interface LastReportProps {
  strings: Strings
  state: WidgetState
}

/** The report the reporter sent last (kept across reloads), with its current status once fetched. */
export function LastReport({ strings, state }: LastReportProps) {
  const last = state.last.value
  if (!last) return null
  const view = state.lastView.value
  return (
    <section class="last" aria-labelledby="triage-last-title">
      <h3 id="triage-last-title">{strings.lastReportTitle}</h3>
      <dl>
        <dt>{strings.numberLabel}</dt>
        <dd class="number" data-testid="triage-last-number">
          {last.number}
        </dd>
        {view && (
          <>
            <dt>{strings.statusLabel}</dt>
            <dd data-testid="triage-last-status">{words(strings.status, view.status)}</dd>
          </>
        )}
      </dl>
    </section>
  )
}

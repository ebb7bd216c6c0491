import type { IncidentStatus, SlaClock } from '@triage/protocol'
import { h } from 'preact'
import { fill, locale, t } from '../i18n/index.ts'
import { durationUnits, shortDuration } from '../lib/duration.ts'
import { liveClock } from '../lib/sla.ts'
import { now } from './now.ts'

/**
 * One SLA clock as a countdown whose colour says its state: on time, at risk (amber), breached
 * (red). The state is also in words, so colour is never the only cue (WCAG 1.4.1).
 */
export function SlaBadge({ clock, startedAt, status, label }: { clock: SlaClock; startedAt: string; status: IncidentStatus; label?: string }) {
  const strings = t.value
  const live = liveClock(clock, startedAt, now.value, status)
  if (live.state === 'none') return <span class="sla sla-none">{strings.slaNone}</span>
  const units = durationUnits[locale.value]
  let text: string
  if (live.state === 'met') text = strings.slaState.met
  else if (live.state === 'missed') text = strings.slaState.missed
  else if (live.remainingMs === null) text = ''
  else if (live.remainingMs < 0) text = fill(strings.slaOverdue, { time: shortDuration(live.remainingMs, units) })
  else text = fill(strings.slaDueIn, { time: shortDuration(live.remainingMs, units) })
  const state = live.state === 'paused' ? strings.status.pending_reporter : strings.slaState[live.state]
  return (
    <span class={`sla sla-${live.state}`} data-sla={live.state}>
      {label ? <span class="sla-label">{label}</span> : null}
      <span class="sla-state">{state}</span>
      {live.state === 'met' || live.state === 'missed' ? null : <span class="sla-time">{text}</span>}
    </span>
  )
}

import type { IncidentStatus, SlaClock } from '@triage/protocol'

/** A clock as the console shows it now: the server's state, moved on by the time since it was read. */
export interface LiveClock {
  state: SlaClock['state'] | 'paused' | 'none'
  /** Until the due time (negative once overdue); null when there is no running target. */
  remainingMs: number | null
}

/** Where the server says a clock turns at risk: 75 % of the time to the target (docs/design.md). */
export const atRiskShare = 0.75

/**
 * One SLA clock at `now`. The server computed its state when the ticket was read; a countdown on
 * screen keeps going, so the state moves on here too: at risk at 75 % of the time from `startedAt`
 * to the due time (or the server's own `riskAt` when it gives one), breached past the due time.
 * While the ticket waits on the reporter the clocks stand still (`paused`).
 */
export function liveClock(clock: SlaClock & { riskAt?: string | null }, startedAt: string, now: number, status: IncidentStatus): LiveClock {
  if (clock.state === 'met' || clock.state === 'missed') return { state: clock.state, remainingMs: null }
  if (clock.dueAt === null) return { state: 'none', remainingMs: null }
  if (status === 'resolved' || status === 'closed') return { state: 'none', remainingMs: null }
  const due = Date.parse(clock.dueAt)
  const remainingMs = due - now
  if (status === 'pending_reporter') return { state: 'paused', remainingMs }
  if (remainingMs < 0) return { state: 'breached', remainingMs }
  const riskAt = clock.riskAt ? Date.parse(clock.riskAt) : Date.parse(startedAt) + (due - Date.parse(startedAt)) * atRiskShare
  return { state: clock.state === 'at_risk' || now >= riskAt ? 'at_risk' : 'running', remainingMs }
}

/** The clock a queue row shows: first response until it is met, then resolution. */
export function clockThatMatters(sla: { firstResponse: SlaClock; resolution: SlaClock }): 'firstResponse' | 'resolution' {
  return sla.firstResponse.state === 'met' || sla.firstResponse.state === 'missed' || sla.firstResponse.dueAt === null ? 'resolution' : 'firstResponse'
}

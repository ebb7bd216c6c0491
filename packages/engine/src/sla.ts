import type { Priority, Tier } from '@triage/protocol'
import type { BusinessCalendar } from './business-hours.ts'
import { addWorkingMinutes, workingMsBetween } from './business-hours.ts'

/** Targets for one priority, in minutes of working time. */
export interface SlaTarget {
  firstResponseMinutes: number
  resolutionMinutes: number
}

export type SlaPolicy = Record<Priority, SlaTarget>

/** Defaults from docs/design.md ("SLA defaults"): P1 1 h / 4 h · P2 2 h / 8 h · P3 3 h / 24 h · P4 3 h / 72 h. */
export const defaultSlaPolicy: SlaPolicy = {
  P1: { firstResponseMinutes: 60, resolutionMinutes: 4 * 60 },
  P2: { firstResponseMinutes: 2 * 60, resolutionMinutes: 8 * 60 },
  P3: { firstResponseMinutes: 3 * 60, resolutionMinutes: 24 * 60 },
  P4: { firstResponseMinutes: 3 * 60, resolutionMinutes: 72 * 60 },
}

/** Share of a target after which its clock is at risk. */
export const atRiskShare = 0.75

export interface SlaDueTimes {
  firstResponseDueAt: number
  resolutionDueAt: number
  /** When 75 % of each target is used. */
  firstResponseRiskAt: number
  resolutionRiskAt: number
}

/** Due and at-risk times of both clocks started at `startedAt`, in working time when a calendar is given. */
export function slaDueTimes(priority: Priority, startedAt: number, policy: SlaPolicy = defaultSlaPolicy, calendar?: BusinessCalendar): SlaDueTimes {
  const target = policy[priority]
  return {
    firstResponseDueAt: addWorkingMinutes(startedAt, target.firstResponseMinutes, calendar),
    resolutionDueAt: addWorkingMinutes(startedAt, target.resolutionMinutes, calendar),
    firstResponseRiskAt: addWorkingMinutes(startedAt, target.firstResponseMinutes * atRiskShare, calendar),
    resolutionRiskAt: addWorkingMinutes(startedAt, target.resolutionMinutes * atRiskShare, calendar),
  }
}

/**
 * Pushes a clock's instants by the working time that passed while the ticket waited on the
 * reporter (the clock stops in `pending_reporter`).
 */
export function resumeAfterPause(instant: number | null, pausedAt: number, resumedAt: number, calendar?: BusinessCalendar): number | null {
  if (instant === null) return null
  return addWorkingMinutes(instant, workingMsBetween(pausedAt, resumedAt, calendar) / 60_000, calendar)
}

/** What a promise is about: the first answer, or the fix. */
export type PromiseStage = 'first_response' | 'resolution'

/** A duration in words: minutes under an hour, whole days from two days on, else hours. */
function durationWords(minutes: number, locale: 'en' | 'fr'): string {
  const hours = Math.max(1, Math.round(minutes / 60))
  const [count, unit] =
    minutes < 60 ? [minutes, 'minute'] : hours >= 48 && hours % 24 === 0 ? [hours / 24, locale === 'fr' ? 'jour' : 'day'] : [hours, locale === 'fr' ? 'heure' : 'hour']
  return `${count} ${unit}${count > 1 ? 's' : ''}`
}

/**
 * The promise to the reporter in plain words: "we answer within 3 hours" for the first answer,
 * "we aim to fix it within 24 hours" for the resolution.
 */
export function slaPromise(priority: Priority, locale: 'en' | 'fr' = 'en', policy: SlaPolicy = defaultSlaPolicy, stage: PromiseStage = 'first_response'): string {
  const target = policy[priority]
  if (stage === 'resolution') {
    const within = durationWords(target.resolutionMinutes, locale)
    return locale === 'fr' ? `nous visons une solution sous ${within}` : `we aim to fix it within ${within}`
  }
  const within = durationWords(target.firstResponseMinutes, locale)
  return locale === 'fr' ? `nous répondons sous ${within}` : `we answer within ${within}`
}

/**
 * The promise a reporter reads now (issue #14: a stale promise misleads): of a first answer until
 * agents have answered, then of a fix; none once the ticket is resolved or closed.
 */
export function reporterPromise(
  ticket: { status: SlaTicket['status']; priority: Priority; firstResponseAt: number | null },
  locale: 'en' | 'fr' = 'en',
  policy: SlaPolicy = defaultSlaPolicy,
): string | null {
  if (ticket.status === 'resolved' || ticket.status === 'closed') return null
  return slaPromise(ticket.priority, locale, policy, ticket.firstResponseAt === null ? 'first_response' : 'resolution')
}

/** The SLA state of one ticket as the sweep reads it. */
export interface SlaTicket {
  status: 'new' | 'in_progress' | 'pending_reporter' | 'resolved' | 'closed'
  priority: Priority
  tier: Tier
  createdAt: number
  firstResponseAt: number | null
  firstResponseDueAt: number | null
  firstResponseRiskAt: number | null
  resolutionDueAt: number | null
  resolutionRiskAt: number | null
  firstResponseRiskMarkedAt: number | null
  firstResponseBreachMarkedAt: number | null
  resolutionRiskMarkedAt: number | null
  resolutionBreachMarkedAt: number | null
}

export type SlaClockName = 'first_response' | 'resolution'

export interface SlaSweepDecision {
  mark: { clock: SlaClockName; state: 'at_risk' | 'breached' }[]
  escalate?: { to: Tier; reason: string }
}

const nextTier: Record<Tier, Tier | undefined> = { L1: 'L2', L2: 'L3', L3: undefined }
const tierRank: Record<Tier, number> = { L1: 1, L2: 2, L3: 3 }

/**
 * What the SLA sweep must do to one ticket at `now`: mark clocks at risk or breached (each once)
 * and escalate — an L1 ticket at risk of its first response goes to L2, a P1 not resolved in half
 * its target goes to L3, a breached resolution goes one tier up. Pure, so sweeps are idempotent:
 * a second sweep at the same time finds everything marked and decides nothing.
 */
export function sweepDecision(ticket: SlaTicket, now: number): SlaSweepDecision {
  const decision: SlaSweepDecision = { mark: [] }
  if (ticket.status === 'resolved' || ticket.status === 'closed' || ticket.status === 'pending_reporter') return decision
  const reasons: { to: Tier; reason: string }[] = []

  if (ticket.firstResponseAt === null && ticket.firstResponseDueAt !== null) {
    if (now > ticket.firstResponseDueAt && ticket.firstResponseBreachMarkedAt === null) {
      decision.mark.push({ clock: 'first_response', state: 'breached' })
    } else if (ticket.firstResponseRiskAt !== null && now >= ticket.firstResponseRiskAt && ticket.firstResponseRiskMarkedAt === null && now <= ticket.firstResponseDueAt) {
      decision.mark.push({ clock: 'first_response', state: 'at_risk' })
    }
    if (decision.mark.some((mark) => mark.clock === 'first_response') && ticket.tier === 'L1') {
      reasons.push({ to: 'L2', reason: 'SLA: first response at risk on L1' })
    }
  }

  if (ticket.resolutionDueAt !== null) {
    if (now > ticket.resolutionDueAt && ticket.resolutionBreachMarkedAt === null) {
      decision.mark.push({ clock: 'resolution', state: 'breached' })
      const to = nextTier[ticket.tier]
      if (to) reasons.push({ to, reason: 'SLA: resolution target breached' })
    } else if (ticket.resolutionRiskAt !== null && now >= ticket.resolutionRiskAt && ticket.resolutionRiskMarkedAt === null && now <= ticket.resolutionDueAt) {
      decision.mark.push({ clock: 'resolution', state: 'at_risk' })
    }
    const half = ticket.createdAt + (ticket.resolutionDueAt - ticket.createdAt) / 2
    if (ticket.priority === 'P1' && now >= half && ticket.tier !== 'L3') reasons.push({ to: 'L3', reason: 'SLA: P1 not resolved in half its target' })
  }

  const highest = reasons.sort((a, b) => tierRank[b.to] - tierRank[a.to])[0]
  if (highest && tierRank[highest.to] > tierRank[ticket.tier]) decision.escalate = highest
  return decision
}

import type { Priority } from '@triage/protocol'

/** Targets for one priority, in minutes. */
export interface SlaTarget {
  firstResponseMinutes: number
  resolutionMinutes: number
}

export type SlaPolicy = Record<Priority, SlaTarget>

/** Defaults from shared DESIGN.md: P1 1 h / 4 h · P2 2 h / 8 h · P3 3 h / 24 h · P4 3 h / 72 h. */
export const defaultSlaPolicy: SlaPolicy = {
  P1: { firstResponseMinutes: 60, resolutionMinutes: 4 * 60 },
  P2: { firstResponseMinutes: 2 * 60, resolutionMinutes: 8 * 60 },
  P3: { firstResponseMinutes: 3 * 60, resolutionMinutes: 24 * 60 },
  P4: { firstResponseMinutes: 3 * 60, resolutionMinutes: 72 * 60 },
}

export interface SlaDueTimes {
  firstResponseDueAt: number
  resolutionDueAt: number
}

/** Due times in calendar time from the moment the clock starts (ms since the epoch). */
export function slaDueTimes(priority: Priority, startedAt: number, policy: SlaPolicy = defaultSlaPolicy): SlaDueTimes {
  const target = policy[priority]
  return {
    firstResponseDueAt: startedAt + target.firstResponseMinutes * 60_000,
    resolutionDueAt: startedAt + target.resolutionMinutes * 60_000,
  }
}

/** The promise to the reporter in plain words, e.g. "we answer within 3 hours". */
export function slaPromise(priority: Priority, locale: 'en' | 'fr' = 'en', policy: SlaPolicy = defaultSlaPolicy): string {
  const hours = Math.round(policy[priority].firstResponseMinutes / 60)
  if (locale === 'fr') return hours <= 1 ? 'nous répondons sous 1 heure' : `nous répondons sous ${hours} heures`
  return hours <= 1 ? 'we answer within 1 hour' : `we answer within ${hours} hours`
}

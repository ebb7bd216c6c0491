import type { BreachChecklistItem } from '@triage/protocol'
import { breachChecklistItems } from '@triage/protocol'
import type { LocalizedText } from '../diagnosis/types.ts'

/** What agents tick on a suspected breach, in words (the steps of `breachChecklist` they stand for). */
export const breachChecklistLabels: Readonly<Record<BreachChecklistItem, LocalizedText>> = {
  contained: {
    en: 'Contained: affected sessions ended, credentials reset, exposed keys rotated',
    fr: 'Contenue : sessions touchées fermées, identifiants réinitialisés, clés exposées changées',
  },
  scope_assessed: {
    en: 'Scope assessed: which personal data, how many people, the likely consequences',
    fr: 'Étendue évaluée : quelles données personnelles, combien de personnes, les conséquences probables',
  },
  authority_notified: {
    en: 'Supervisory authority notified (GDPR art. 33), or why not recorded in the breach register',
    fr: 'Autorité de contrôle notifiée (RGPD art. 33), ou la raison de ne pas le faire consignée au registre',
  },
  people_notified: {
    en: 'People affected notified (GDPR art. 34), or why not recorded in the breach register',
    fr: 'Personnes concernées informées (RGPD art. 34), ou la raison de ne pas le faire consignée au registre',
  },
}

/** One tick or untick by an agent, as the timeline records it. */
export interface BreachTick {
  item: BreachChecklistItem
  done: boolean
  /** Who ticked it. */
  by: string
  /** When, ms since the epoch. */
  at: number
}

export interface BreachProgress {
  /**
   * `open`: the authority is not notified and there is time; `overdue`: past the deadline without it;
   * `notified` / `notified_late`: ticked before / after the deadline.
   */
  state: 'open' | 'overdue' | 'notified' | 'notified_late'
  /** Every item in checklist order, as its latest tick left it. */
  checks: { item: BreachChecklistItem; done: boolean; by: string | null; at: number | null }[]
}

/**
 * Where a suspected breach stands: each item as its latest tick left it, and whether the authority
 * was told within the 72 hours of GDPR art. 33 (`notifyBy`, ms since the epoch).
 *
 * @example
 * breachProgress([{ item: 'authority_notified', done: true, by: 'Sam', at: 10 }], 100, 50).state // 'notified'
 */
export function breachProgress(ticks: readonly BreachTick[], notifyBy: number, now: number): BreachProgress {
  const latest = new Map<BreachChecklistItem, BreachTick>()
  for (const tick of ticks) {
    const before = latest.get(tick.item)
    if (!before || tick.at >= before.at) latest.set(tick.item, tick)
  }
  const checks = breachChecklistItems.map((item) => {
    const tick = latest.get(item)
    return { item, done: tick?.done ?? false, by: tick?.by ?? null, at: tick?.at ?? null }
  })
  const notified = latest.get('authority_notified')
  const state = notified?.done ? (notified.at <= notifyBy ? 'notified' : 'notified_late') : now > notifyBy ? 'overdue' : 'open'
  return { state, checks }
}

import type { IncidentStatus, Tier } from '@triage/protocol'

/**
 * The incident lifecycle: the one place that decides status changes (docs/design.md, "Lifecycle").
 * Pure, so the server, the console and tests all ask the same rule.
 *
 *   new ──> in_progress <──> pending_reporter
 *     \          │
 *      └──> resolved ──> closed
 *              │   ^        │
 *              └───┴─reopen─┘──> in_progress
 */
export const transitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['in_progress', 'resolved'],
  in_progress: ['pending_reporter', 'resolved'],
  pending_reporter: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
}

/** What can happen to an incident; each maps to at most one status change. */
export type LifecycleAction =
  | { type: 'public_reply'; awaitReporter: boolean }
  | { type: 'internal_note' }
  | { type: 'reporter_reply' }
  | { type: 'assign' }
  | { type: 'escalate'; to: Tier }
  | { type: 'resolve' }
  | { type: 'close' }
  | { type: 'reopen' }

/**
 * A refusal names where the incident may go from here (`allowed`: statuses), or for a reporter's
 * message on a closed ticket the one action that helps (`reopen`), with `hint` saying how.
 */
export type LifecycleOutcome = { ok: true; status: IncidentStatus } | { ok: false; reason: string; allowed: string[]; hint?: string }

const tierRank: Record<Tier, number> = { L1: 1, L2: 2, L3: 3 }

/**
 * The status an action leads to from `status` (the same status when it changes nothing),
 * or why it is refused with the statuses that are allowed from here.
 */
export function nextStatus(status: IncidentStatus, action: LifecycleAction, tier: Tier = 'L1'): LifecycleOutcome {
  const allowed = [...transitions[status]]
  const to = (target: IncidentStatus, what: string): LifecycleOutcome =>
    allowed.includes(target) ? { ok: true, status: target } : { ok: false, reason: `cannot ${what} an incident that is ${status.replace('_', ' ')}`, allowed }
  const open = status !== 'resolved' && status !== 'closed'

  switch (action.type) {
    case 'internal_note':
      return { ok: true, status }
    case 'public_reply':
      if (!open) return { ok: true, status }
      // A first reply that asks the reporter something goes new → in_progress → pending_reporter.
      if (action.awaitReporter)
        return status === 'pending_reporter' || status === 'new' ? { ok: true, status: 'pending_reporter' } : to('pending_reporter', 'wait on the reporter for')
      return { ok: true, status: status === 'new' ? 'in_progress' : status }
    case 'reporter_reply':
      // Written on a resolved ticket, it says the fix did not work: it reopens, so an agent reads it.
      // A closed ticket is done; a message there would go unread, so it must be reopened first.
      if (status === 'closed')
        return { ok: false, reason: 'cannot add a message to a closed report', allowed: ['reopen'], hint: 'Reopen it first (POST /v1/reports/{id}/reopen), then write.' }
      return { ok: true, status: status === 'pending_reporter' || status === 'resolved' ? 'in_progress' : status }
    case 'assign':
      return open ? { ok: true, status: status === 'new' ? 'in_progress' : status } : { ok: true, status }
    case 'escalate':
      if (!open) return { ok: false, reason: `cannot escalate an incident that is ${status}; reopen it first`, allowed }
      if (tierRank[action.to] <= tierRank[tier]) {
        return { ok: false, reason: `cannot escalate from ${tier} to ${action.to}: escalation goes up (L1 → L2 → L3)`, allowed }
      }
      return { ok: true, status: status === 'new' ? 'in_progress' : status }
    case 'resolve':
      return to('resolved', 'resolve')
    case 'close':
      if (status === 'closed') return { ok: false, reason: 'cannot close an incident that is already closed', allowed }
      return status === 'resolved' ? to('closed', 'close') : { ok: false, reason: `cannot close an incident that is ${status.replace('_', ' ')}; resolve it first`, allowed }
    case 'reopen':
      return open ? { ok: false, reason: `cannot reopen an incident that is ${status.replace('_', ' ')}: it is still open`, allowed } : to('in_progress', 'reopen')
  }
}

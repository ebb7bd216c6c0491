import { and, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { SlaClockName } from '@triage/engine'
import { sweepDecision } from '@triage/engine'
import { incidents } from '../db/schema.ts'
import { newId } from '../ids.ts'
import type { IncidentRow } from '../storage/incidents.ts'
import { acquireLease, releaseLease } from '../storage/leases.ts'
import type { ServiceContext } from '../domain/context.ts'
import type { Change } from '../incidents/changes.ts'
import { changeIncident, statusAfter, statusEvents } from '../incidents/changes.ts'

export interface SweepReport {
  /** False when another process held the sweep lease: this run did nothing. */
  ran: boolean
  marked: number
  escalated: number
}

const markColumn: Record<SlaClockName, Record<'at_risk' | 'breached', keyof IncidentRow>> = {
  first_response: { at_risk: 'firstResponseRiskMarkedAt', breached: 'firstResponseBreachMarkedAt' },
  resolution: { at_risk: 'resolutionRiskMarkedAt', breached: 'resolutionBreachMarkedAt' },
}

/** Open tickets with a clock past a threshold it has not been marked for yet, or a P1 below L3. */
function candidates(context: ServiceContext, now: number, limit: number) {
  return context.db
    .select()
    .from(incidents)
    .where(
      and(
        inArray(incidents.status, ['new', 'in_progress']),
        or(
          and(isNull(incidents.firstResponseAt), lte(incidents.firstResponseRiskAt, now), isNull(incidents.firstResponseRiskMarkedAt)),
          and(isNull(incidents.firstResponseAt), sql`${incidents.firstResponseDueAt} < ${now}`, isNull(incidents.firstResponseBreachMarkedAt)),
          and(lte(incidents.resolutionRiskAt, now), isNull(incidents.resolutionRiskMarkedAt)),
          and(sql`${incidents.resolutionDueAt} < ${now}`, isNull(incidents.resolutionBreachMarkedAt)),
          sql`(${incidents.priority} = 'P1' and ${incidents.tier} != 'L3' and ${incidents.createdAt} + (${incidents.resolutionDueAt} - ${incidents.createdAt}) / 2 <= ${now})`,
        ),
      ),
    )
    .limit(limit)
}

/**
 * The SLA sweep: marks clocks at risk (75 % used) and breached, writes their events (which fire
 * webhooks), and escalates as the policy says. Idempotent — each mark is written once, and every
 * change is decided again on the ticket's current state — and guarded by a lease so that two
 * processes do not both sweep. Node runs it from an interval, Workers from a Cron Trigger.
 */
export async function sweepSla(context: ServiceContext, options: { limit?: number; holder?: string } = {}): Promise<SweepReport> {
  const holder = options.holder ?? newId('sweep')
  const report: SweepReport = { ran: false, marked: 0, escalated: 0 }
  if (!(await acquireLease(context.db, 'sla_sweep_lease', holder, context.now(), 60_000))) return report
  report.ran = true
  try {
    for (const candidate of await candidates(context, context.now(), options.limit ?? 500)) {
      let marked = 0
      let escalated = false
      await changeIncident(context, { appId: candidate.appId, maxTier: 'L3' }, candidate.id, (incident) => {
        const now = context.now()
        const decision = sweepDecision(incident, now)
        const change: Change = { fields: {}, events: [] }
        for (const mark of decision.mark) {
          Object.assign(change.fields, { [markColumn[mark.clock][mark.state]]: now })
          change.events.push({ type: mark.state === 'at_risk' ? 'sla_at_risk' : 'sla_breached', actor: 'sla', visibility: 'internal', data: { clock: mark.clock } })
        }
        if (decision.escalate) {
          const status = statusAfter(incident, { type: 'escalate', to: decision.escalate.to })
          Object.assign(change.fields, { tier: decision.escalate.to, status })
          change.events.push(
            { type: 'escalated', actor: 'sla', visibility: 'internal', data: { from: incident.tier, tier: decision.escalate.to, reason: decision.escalate.reason } },
            ...statusEvents(incident.status, status, 'sla'),
          )
        }
        marked = decision.mark.length
        escalated = decision.escalate !== undefined
        return change
      })
      report.marked += marked
      if (escalated) report.escalated++
    }
  } finally {
    await releaseLease(context.db, 'sla_sweep_lease', holder)
  }
  return report
}

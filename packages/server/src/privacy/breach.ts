/**
 * The record of a suspected personal-data breach (GDPR art. 33–34): agents tick its checklist
 * (contained, scope assessed, authority notified, people notified). Each tick is an internal
 * `breach_checked` event on the timeline — what the enriched ticket's `breach` section is folded
 * from (incidents/views.ts) — and an entry of the audit trail.
 */
import type { BreachCheckRequest, Incident, Reasoning } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { agentScope } from '../domain/visibility.ts'
import { majorIncidentView } from '../grouping/major-group.ts'
import { formatNumber } from '../ids.ts'
import { changeIncident } from '../incidents/changes.ts'
import { actorOfAgent, recordAudit } from './audit.ts'

/** Ticks (or unticks) one item of a suspected breach's checklist, as this agent, now. */
export async function checkBreachItem(context: ServiceContext, agent: AgentCaller, id: string, request: BreachCheckRequest): Promise<Incident> {
  const scope = agentScope(agent)
  const row = await changeIncident(context, scope, id, (incident) => {
    if (!(incident.reasoning as unknown as Reasoning).breach) {
      throw new DomainError(
        'conflict',
        `${formatNumber(incident.number)} is not a suspected personal-data breach, so it has no breach checklist. Only reports the engine read as a breach (category security, tier L3) have one.`,
      )
    }
    return { fields: {}, events: [{ type: 'breach_checked', actor: agent.name, visibility: 'internal', data: { item: request.item, done: request.done } }] }
  })
  await recordAudit(context, agent.appId, actorOfAgent(agent), { action: 'breach.checked', incidentId: row.id, details: { item: request.item, done: request.done } })
  return majorIncidentView(context, row, scope.maxTier, agent.locale)
}

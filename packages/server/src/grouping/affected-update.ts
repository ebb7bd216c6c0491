import type { AgentMessageCreate, Incident } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import { agentScope } from '../domain/visibility.ts'
import { messageChange } from '../incidents/agent-actions.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { changeIncident, findVisibleIncident } from '../incidents/changes.ts'
import { incidentView } from '../incidents/enriched-ticket.ts'
import { openChildren } from '../storage/incidents.ts'

/**
 * One update to every affected reporter: a public message on a major incident, written also on
 * each open report grouped under it, so each reporter reads it in their own timeline (and by
 * e-mail where that is on). The major's event records how many reports it reached (`affected`).
 * As when resolving a major, its reports are reached whatever their tier: the update speaks for
 * the major incident the caller may see.
 */
export async function messageAffected(context: ServiceContext, agent: AgentCaller, id: string, message: AgentMessageCreate): Promise<Incident> {
  const scope = agentScope(agent)
  const major = await findVisibleIncident(context, scope, id)
  if (!major.isMajor) {
    throw new DomainError('invalid_input', 'The body is invalid: toAffected is for major incidents, whose reports it reaches. Reply on this report alone without it.', {
      errors: [{ path: 'toAffected', message: 'is for major incidents only' }],
    })
  }
  const update: AgentMessageCreate = { body: message.body, visibility: 'public', awaitReporter: message.awaitReporter ?? false }
  let reached = 0
  for (const child of await openChildren(context.db, major.id)) {
    await changeIncident(context, { appId: major.appId, maxTier: 'L3' }, child.id, (incident) => messageChange(incident, agent.name, update, context.now(), { major: major.id }))
    reached++
  }
  const row = await changeIncident(context, scope, id, (incident) => messageChange(incident, agent.name, update, context.now(), { affected: reached }))
  return incidentView(context, row, scope.maxTier, agent.locale)
}

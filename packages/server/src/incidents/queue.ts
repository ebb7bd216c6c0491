/**
 * The queue beyond one list: how many tickets each view holds, and bulk actions. Both see what
 * the caller's role sees, as every agent route does.
 */
import type { BulkAction, IncidentCounts, IncidentSummary } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import { callerId } from '../domain/callers.ts'
import { closeIncident, patchIncident } from './agent-actions.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { agentScope, tiersVisibleTo } from '../domain/visibility.ts'
import { countViews } from '../storage/queue-counts.ts'

/** The number of tickets in each view, among those the caller may see. */
export async function queueCounts(context: ServiceContext, agent: AgentCaller): Promise<IncidentCounts> {
  return countViews(context.db, agent.appId, tiersVisibleTo(agentScope(agent).maxTier), callerId(agent), context.now())
}

/** What happened to one ticket; a refusal keeps its problem for the answer. */
export type BulkItemOutcome = { id: string; ok: true; incident: IncidentSummary } | { id: string; ok: false; error: DomainError }

/**
 * One action on many tickets, each done on its own (a refusal of one does not stop the others),
 * in the order given, with the same rules as one at a time: the lifecycle decides what may close,
 * and a ticket the caller may not see is not found.
 */
export async function bulkAction(context: ServiceContext, agent: AgentCaller, request: BulkAction): Promise<BulkItemOutcome[]> {
  const outcomes: BulkItemOutcome[] = []
  for (const id of request.ids) {
    try {
      const incident =
        request.action === 'assign'
          ? await patchIncident(context, agent, id, { assignee: request.assignee })
          : await closeIncident(context, agent, id, request.reason === undefined ? {} : { reason: request.reason })
      const { timeline: _timeline, similar: _similar, answerDetails: _answerDetails, affected: _affected, ...summary } = incident
      outcomes.push({ id, ok: true, incident: summary })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      outcomes.push({ id, ok: false, error })
    }
  }
  return outcomes
}

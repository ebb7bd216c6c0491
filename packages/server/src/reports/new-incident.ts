import type { CategorySource, Reasoning, ReportContact } from '@triage/protocol'
import { slaDueTimes } from '@triage/engine'
import type { AppSla } from '../domain/callers.ts'
import { newId } from '../ids.ts'
import type { NewEvent, NewIncident } from '../storage/incidents.ts'

/** The reporter's choice when the engine kept it (it then notes its own guess beside it), else the engine's. */
export function categorySourceOf(reasoning: Reasoning): CategorySource {
  return reasoning.category.guess ? 'reporter' : 'auto'
}

/** The events every new incident starts its timeline with: created (public), categorized and prioritized. */
export function firstEvents(reasoning: Reasoning, now: number, created: Record<string, unknown>, actor = 'reporter'): NewEvent[] {
  return [
    { id: newId('evt', now), type: 'created', actor, visibility: 'public', data: created, at: now },
    {
      id: newId('evt', now),
      type: 'categorized',
      actor: 'triage',
      visibility: 'internal',
      data: {
        category: reasoning.category.value,
        confidence: reasoning.category.confidence,
        source: categorySourceOf(reasoning),
        ...(reasoning.category.guess ? { guess: reasoning.category.guess } : {}),
      },
      at: now,
    },
    {
      id: newId('evt', now),
      type: 'prioritized',
      actor: 'triage',
      visibility: 'internal',
      data: { priority: reasoning.priority.value, impact: reasoning.priority.impact, urgency: reasoning.priority.urgency, tier: reasoning.tier.value },
      at: now,
    },
  ]
}

export interface IncidentDraft {
  id: string
  appId: string
  idempotencyKey: string | null
  requestHash: string
  reasoning: Reasoning
  symptoms: string
  answers: Record<string, string | number | boolean>
  context: Record<string, unknown>
  contact: ReportContact
  sla: AppSla
  now: number
  isMajor?: boolean
  parentId?: string | null
  /** The reporter's user id in the app, when verified. */
  reporterUserId?: string | null
}

/** A new incident row from the engine's decisions: status new, SLA clocks started now. */
export function newIncident(draft: IncidentDraft): NewIncident {
  const { reasoning, now, sla } = draft
  return {
    id: draft.id,
    appId: draft.appId,
    idempotencyKey: draft.idempotencyKey,
    requestHash: draft.requestHash,
    kind: reasoning.kind.value,
    status: 'new',
    category: reasoning.category.value,
    categoryConfidence: reasoning.category.confidence,
    categorySource: categorySourceOf(reasoning),
    impact: reasoning.priority.impact,
    urgency: reasoning.priority.urgency,
    priority: reasoning.priority.value,
    tier: reasoning.tier.value,
    assignee: null,
    reporterUserId: draft.reporterUserId ?? null,
    contactName: draft.contact.name ?? null,
    contactEmail: draft.contact.email ?? null,
    symptoms: draft.symptoms,
    answers: draft.answers,
    context: draft.context,
    reasoning: reasoning as unknown as Record<string, unknown>,
    parentId: draft.parentId ?? null,
    isMajor: draft.isMajor ?? false,
    publicTitle: null,
    resolution: null,
    publicNote: null,
    ...slaDueTimes(reasoning.priority.value, now, sla.policy ?? undefined, sla.calendar ?? undefined),
    slaPausedAt: null,
    firstResponseRiskMarkedAt: null,
    firstResponseBreachMarkedAt: null,
    resolutionRiskMarkedAt: null,
    resolutionBreachMarkedAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    erasedAt: null,
    createdAt: now,
    updatedAt: now,
    revision: newId('rev', now),
  }
}

/**
 * What the agents' console needs from the agent API (#18), open to every agent client: queue
 * views and their counts, the live event stream, bulk actions, a major incident's children,
 * presence, deflections and the dashboard's daily series.
 */
import type { DurationStats, SlaStats } from './metrics.ts'
import type { IncidentSummary } from './incident.ts'
import type { Problem } from './problem.ts'
import type { IncidentStatus, Priority, Tier } from './vocabulary.ts'

/**
 * The queue's views (`GET /v1/incidents?view=…`). All but `resolved` hold open tickets only (new,
 * in progress, waiting on the reporter):
 * - `mine`: assigned to the caller (a signed-in agent's id; for a secret key, the key's id);
 * - `unassigned`: nobody's;
 * - `at_risk`, `breached`: an SLA clock at risk (75 % used) or past its target;
 * - `major`: major incidents;
 * - `waiting`: waiting on the reporter (`pending_reporter`);
 * - `resolved`: resolved, not yet closed.
 */
export const queueViews = ['mine', 'unassigned', 'at_risk', 'breached', 'major', 'waiting', 'resolved'] as const
export type QueueView = (typeof queueViews)[number]

/** `GET /v1/incidents/counts`: how many tickets each view holds, among those the caller may see. */
export type IncidentCounts = Record<QueueView, number>

/** Someone who has a ticket open in the console (or an integration that says so). */
export interface PresenceViewer {
  /** The agent's id (`agt_…`), or the secret key's id (`key_…`). */
  id: string
  name: string
  /** Typing a public reply right now: two agents should not answer the same person twice. */
  typing: boolean
  /** ISO 8601: when they opened it. */
  since: string
}

/** Who has one ticket open. */
export interface IncidentPresence {
  incidentId: string
  viewers: PresenceViewer[]
}

/**
 * `POST /v1/incidents/{id}/presence`: "I have this ticket open" — a heartbeat, every 10 s while it
 * is open (a viewer is forgotten 30 s after their last one). `DELETE` says they left.
 */
export interface PresenceUpdate {
  /** Typing a reply now (send `false` when they stop or send it). */
  typing: boolean
}

/**
 * `GET /v1/incidents/events`, Server-Sent Events. Each `event:` name carries its `data:` JSON:
 * - `incident`: a ticket the caller may see was created or changed (an IncidentSummary, as the list has it);
 * - `incident_removed`: a ticket they saw left their view (`{ id, reason: "escalated" }`, escalated beyond their tier);
 * - `presence`: who has a visible ticket open changed (an IncidentPresence; `viewers` empty when the last one left);
 * - `end`: the stream ends (after about 5 minutes); reconnect with Last-Event-ID to miss nothing.
 * The `id:` of `incident` events is a cursor: send it back as `Last-Event-ID` (EventSource does).
 */
export type IncidentStreamEvent =
  | { event: 'incident'; data: IncidentSummary }
  | { event: 'incident_removed'; data: { id: string; reason: 'escalated' } }
  | { event: 'presence'; data: IncidentPresence }
  | { event: 'end'; data: Record<string, never> }

/** `POST /v1/incidents/bulk`: one action on many tickets, each done (or refused) on its own. */
export type BulkAction =
  /** `assignee`: an agent's id, or null to unassign. */
  | { action: 'assign'; ids: string[]; assignee: string | null }
  /** Only resolved tickets close (the lifecycle's rule); others answer a 409 problem. */
  | { action: 'close'; ids: string[]; reason?: string }

/** What happened to one ticket of a bulk action. */
export type BulkOutcome = { id: string; ok: true; incident: IncidentSummary } | { id: string; ok: false; problem: Problem }

/** The answer of `POST /v1/incidents/bulk`: one outcome per id, in the order given. */
export interface BulkResult {
  items: BulkOutcome[]
}

/** A report grouped under a major incident, as its list shows it. */
export interface ChildIncident {
  id: string
  number: string
  status: IncidentStatus
  priority: Priority
  tier: Tier
  /** The first words of what the reporter wrote. */
  summary: string
  createdAt: string
}

/** `GET /v1/incidents/{id}/children`: the reports of a major incident the caller may see, newest first. */
export interface ChildIncidentList {
  items: ChildIncident[]
  /** All of them, also those past `limit`. */
  total: number
}

/**
 * `POST /v1/deflections` (publishable key): a resolved incident's public note, suggested by the
 * widget or the SDK's `diagnose`, solved the reporter's problem, and no report was filed. Counted
 * for the deflection rate; nothing the reporter wrote is sent or kept.
 */
export interface DeflectionCreate {
  /** The number of the suggested incident (`SimilarResolution.number`), e.g. `INC-000812`. */
  number: string
}

/** `201` answer of `POST /v1/deflections`. */
export interface DeflectionCreated {
  id: string
}

/** One UTC day of the dashboard (tickets by the day they were created). */
export interface MetricsDay {
  /** `YYYY-MM-DD` (UTC). */
  date: string
  tickets: number
  timeToFirstResponse: DurationStats
  timeToResolve: DurationStats
  firstResponseSla: SlaStats
  resolutionSla: SlaStats
  /** Tickets of the day by category. */
  byCategory: Record<string, number>
  /** Problems solved by a suggested note that day, with no ticket filed. */
  deflections: number
  /**
   * The classifier against agents: `handled` tickets of the day an agent resolved or re-categorized,
   * `corrected` those whose category the agent changed from the engine's reading.
   */
  classifier: { handled: number; corrected: number }
}

/**
 * `GET /v1/metrics/series?from=&to=`: the dashboard's charts, one entry per UTC day (default the
 * last 30 days, at most 366), only tickets of the tiers the caller sees.
 */
export interface MetricsSeries {
  /** ISO 8601: the first day's start and the last day's end. */
  from: string
  to: string
  days: MetricsDay[]
  /** The categories that appear, with their names in the caller's language (Accept-Language). */
  categories: { value: string; label: string }[]
  totals: {
    tickets: number
    deflections: number
    /** deflections ÷ (deflections + tickets); null with neither. */
    deflectionRate: number | null
    handled: number
    corrected: number
    /** (handled − corrected) ÷ handled; null when no agent has handled a ticket of the window. */
    classifierAccuracy: number | null
  }
  /** Open tickets now, whenever created: the backlog by tier and by status. */
  backlog: { byTier: Record<string, number>; byStatus: Record<string, number> }
}

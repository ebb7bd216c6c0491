import type { IncidentKind, IncidentStatus, Level, MessageVisibility, Priority, Tier } from './vocabulary.ts'

/** `POST /v1/incidents/:id/messages`: an agent writes to the reporter (public) or to colleagues (internal). */
export interface AgentMessageCreate {
  body: string
  visibility: MessageVisibility
  /** A public question the reporter must answer first: the ticket waits on them (`pending_reporter`). */
  awaitReporter?: boolean
}

/** `POST /v1/reports/:id/messages`: the reporter answers the agent. */
export interface ReporterMessageCreate {
  body: string
}

/** `POST /v1/incidents/:id/escalate`. */
export interface EscalateRequest {
  tier: Exclude<Tier, 'L1'>
  reason: string
}

/** `POST /v1/incidents/:id/resolve`: `resolution` stays internal, `publicNote` is what the reporter reads. */
export interface ResolveRequest {
  resolution: string
  publicNote?: string
}

/** `POST /v1/incidents/:id/close` and `/reopen`, and the reporter's `/confirm` and `/reopen`. */
export interface ReasonRequest {
  reason?: string
}

/** `POST /v1/incidents/:id/split`: take a report out of the major incident it was grouped under. */
export interface SplitRequest {
  /** Why it does not belong (kept on the timeline). */
  reason?: string
}

/** `POST /v1/incidents/:id/merge`: the major incident `from` (and its reports) joins the major incident `:id`. */
export interface MergeRequest {
  /** The id of the other major incident. */
  from: string
  reason?: string
}

/** `PATCH /v1/incidents/:id`: corrections by an agent. Priority is recomputed from impact × urgency. */
export interface IncidentPatch {
  kind?: IncidentKind
  category?: string
  impact?: Level
  urgency?: Level
  /** An agent name, or null to unassign. */
  assignee?: string | null
  /** A major incident's public title, shown to every visitor in the widget's notice; null removes it. */
  publicTitle?: string | null
}

/** `GET /v1/incidents` filters. */
export interface IncidentListQuery {
  status?: IncidentStatus
  kind?: IncidentKind
  category?: string
  priority?: Priority
  tier?: Tier
  assignee?: string
  sla?: 'at_risk' | 'breached'
  /** Full-text search in symptoms, number and contact. */
  q?: string
  /** Created at or after (ISO 8601). */
  from?: string
  /** Created before (ISO 8601). */
  to?: string
  /** `-created` (newest first, default), `created`, `priority` (P1 first), `due` (resolution due soonest). */
  sort?: '-created' | 'created' | 'priority' | 'due'
  cursor?: string
  limit?: number
}

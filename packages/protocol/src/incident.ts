import type { Attachment } from './attachment.ts'
import type { DiagnosticAnswer, ReportContact, ReportContext } from './report.ts'
import type { BreachChecklistItem, CategorySource, EventType, IncidentKind, IncidentStatus, Level, MessageVisibility, Priority, Tier } from './vocabulary.ts'

/** One entry of an incident's append-only timeline (the audit log), as agents see it. */
export interface IncidentEvent {
  id: string
  type: EventType
  /** ISO 8601. */
  at: string
  /** `reporter`, `system`, or the agent key's name. */
  actor: string
  visibility: MessageVisibility
  data: Record<string, unknown>
}

/** The engine's explanation of one decision. */
export interface Reasoning {
  kind: { value: IncidentKind; confidence: number; reasons: string[] }
  /**
   * `guess`: the engine's own reading when the category came from elsewhere (the reporter's
   * choice), so agents see where they disagree.
   */
  category: { value: string; confidence: number; reasons: string[]; guess?: { value: string; confidence: number } }
  priority: { value: Priority; impact: Level; urgency: Level; reasons: string[] }
  tier: { value: Tier; reasons: string[] }
  /** Set when the report suggests a personal-data breach: the 72-hour notification clock (GDPR art. 33). */
  breach?: { notifyBy: string; reasons: string[]; checklist: { en: string; fr: string }[] }
}

/** One SLA clock. `at_risk` once 75 % of the time to the target is used. */
export interface SlaClock {
  /** ISO 8601; null when the policy sets no target. */
  dueAt: string | null
  /** When the target was met: first public agent reply, or resolution. */
  metAt: string | null
  state: 'running' | 'at_risk' | 'breached' | 'met' | 'missed'
}

export interface SlaClocks {
  firstResponse: SlaClock
  resolution: SlaClock
}

/** The agent's view of a ticket (`GET /v1/incidents/:id`). */
export interface Incident {
  id: string
  number: string
  kind: IncidentKind
  status: IncidentStatus
  category: string
  /** The category's name in the agent's language (Accept-Language), as the reporter saw it. */
  categoryLabel: string
  categoryConfidence: number
  categorySource: CategorySource
  impact: Level
  urgency: Level
  priority: Priority
  tier: Tier
  assignee: string | null
  symptoms: string
  answers: Record<string, DiagnosticAnswer>
  contact: ReportContact
  context: ReportContext
  reasoning: Reasoning
  /** The major incident this report was grouped under, if any. */
  parentId: string | null
  /** True for a major incident: the parent of similar reports; resolving it resolves them all. */
  isMajor: boolean
  /**
   * For a major incident: the short text every visitor of the app reads in the widget's notice
   * ("Payments fail at checkout"); null until an agent writes one (the notice then names the category).
   */
  publicTitle: string | null
  /** For a major incident, in `GET /v1/incidents/:id`: why its reports belong together. */
  group?: MajorIncidentGroup
  /** Internal resolution note and the public one the reporter reads. */
  resolution: string | null
  publicNote: string | null
  sla: SlaClocks
  createdAt: string
  updatedAt: string
  resolvedAt: string | null
  closedAt: string | null
  /**
   * Set once the reporter's personal data was erased (their request, or the app's retention):
   * what they wrote, their contact and context read `[erased]`; numbers, categories, times and
   * agents' internal notes remain (docs/privacy.md).
   */
  erasedAt?: string
  timeline: IncidentEvent[]
  /** Past incidents that look like this one ("this looks like INC-000812, fixed by …"). */
  similar: SimilarIncident[]
  /** Each answer as the reporter read it, in the agent's language, next to its raw id and value. */
  answerDetails: AnswerDetail[]
  /** For a major incident: how many reports it groups, "me too"s included (null otherwise). */
  affected: number | null
  /** The reporter's files, oldest first; download one with `GET /v1/incidents/:id/attachments/:attachmentId`. */
  attachments: Attachment[]
  /** For a suspected personal-data breach: the 72-hour deadline and the checklist agents tick. */
  breach?: BreachRecord
}

/**
 * One diagnostic answer in words. Questions and values the server does not know (an app's own)
 * are given as they are.
 */
export interface AnswerDetail {
  questionId: string
  /** The question's text in the agent's language. */
  question: string
  value: DiagnosticAnswer
  /** The answer's label in the agent's language ("I forgot my password" for `forgot_password`). */
  answer: string
}

/** Why a major incident's reports belong together, from the reports this key may see. */
export interface MajorIncidentGroup {
  /** Reports grouped under it. */
  reports: number
  /** ISO 8601, null when none. */
  firstReportAt: string | null
  lastReportAt: string | null
  /** What they are about, e.g. "signing in". */
  about: string
  /** The words they use most, in every language they were written in. */
  words: string[]
  /** "12 reports in 6 min about signing in: 'login', 'connexion', 'spins', 'loading'". */
  summary: string
}

/** A past incident of the same app that looks like this one, with how it was fixed. */
export interface SimilarIncident {
  id: string
  number: string
  /** 0..1, how close its symptoms are. */
  score: number
  status: IncidentStatus
  resolution: string | null
  publicNote: string | null
}

/** An incident in a list: the ticket without its timeline and similar incidents. */
export type IncidentSummary = Omit<Incident, 'timeline' | 'similar' | 'answerDetails' | 'affected' | 'group' | 'attachments' | 'breach'>

/** `GET /v1/incidents`. */
export interface IncidentList {
  items: IncidentSummary[]
  nextCursor: string | null
}

/** One item of a suspected breach's checklist, and who ticked it last. */
export interface BreachCheck {
  item: BreachChecklistItem
  /** The item in the agent's language. */
  label: string
  done: boolean
  /** The agent who last ticked or unticked it (null: nobody yet), and when (ISO 8601). */
  by: string | null
  at: string | null
}

/**
 * A suspected personal-data breach, on its enriched ticket: when the supervisory authority must be
 * told (GDPR art. 33: 72 hours after the report), and what agents have done about it.
 */
export interface BreachRecord {
  /** ISO 8601: 72 hours after the report came in. */
  notifyBy: string
  /**
   * `open`: the authority is not notified and there is time; `overdue`: past `notifyBy` without it;
   * `notified`: ticked before `notifyBy`; `notified_late`: ticked after.
   */
  state: 'open' | 'overdue' | 'notified' | 'notified_late'
  checklist: BreachCheck[]
}

/**
 * The domain words shared by every part, from database column to UI string key.
 * See docs/design.md: lifecycle, ITIL impact × urgency, tiers.
 */

export const incidentStatuses = ['new', 'in_progress', 'pending_reporter', 'resolved', 'closed'] as const
export type IncidentStatus = (typeof incidentStatuses)[number]

/** `incident`: something broke. `request`: asking for access, a change or information. */
export const incidentKinds = ['incident', 'request'] as const
export type IncidentKind = (typeof incidentKinds)[number]

export const priorities = ['P1', 'P2', 'P3', 'P4'] as const
export type Priority = (typeof priorities)[number]

/** L1: first line (service desk); L2: specialists; L3: senior problem solvers. */
export const tiers = ['L1', 'L2', 'L3'] as const
export type Tier = (typeof tiers)[number]

/** Impact and urgency, the two axes of the ITIL priority matrix. */
export const levels = ['high', 'medium', 'low'] as const
export type Level = (typeof levels)[number]

/**
 * Who set a ticket's category: the engine (`auto`), the reporter's explicit choice (`reporter`),
 * or an agent's correction (`agent`).
 */
export const categorySources = ['auto', 'reporter', 'agent'] as const
export type CategorySource = (typeof categorySources)[number]

export const eventTypes = [
  'created',
  'categorized',
  'prioritized',
  'assigned',
  'escalated',
  'message',
  'status_changed',
  'sla_at_risk',
  'sla_breached',
  'resolved',
  'closed',
  'reopened',
  'grouped',
  /** A major incident's public title (the widget's notice) was written or changed. */
  'announced',
  /** An agent took the report out of its major incident. */
  'ungrouped',
  /** An agent merged one major incident into another. */
  'merged',
  /** The reporter attached a file; its metadata (never its bytes) is the event's `attachment`. */
  'attached',
] as const
export type EventType = (typeof eventTypes)[number]

export const messageVisibilities = ['public', 'internal'] as const
export type MessageVisibility = (typeof messageVisibilities)[number]

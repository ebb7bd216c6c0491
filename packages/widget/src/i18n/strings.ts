import type { IncidentStatus, Priority } from '@triage/sdk'

/**
 * Every visible string of the widget. Keys use the domain words (report, symptoms, status…)
 * so a translator and a developer talk about the same thing.
 */
export interface Strings {
  /** The launcher button's text and accessible name. */
  launcher: string
  /** The dialog's heading, which also labels it. */
  title: string
  close: string
  symptomsLabel: string
  symptomsHint: string
  /** Shown when the reporter sends an empty description. */
  symptomsRequired: string
  nameLabel: string
  emailLabel: string
  send: string
  sending: string
  /** Shown before the SDK's error detail when a report could not be sent. */
  sendFailed: string
  receivedTitle: string
  numberLabel: string
  statusLabel: string
  categoryLabel: string
  priorityLabel: string
  symptomsEcho: string
  newReport: string
  lastReportTitle: string
  /** Each lifecycle status in plain words. */
  status: Record<IncidentStatus, string>
  /** Each ITIL priority in plain words. */
  priority: Record<Priority, string>
  /** Category ids of the default taxonomy in plain words; unknown ids are shown as they are. */
  category: Record<string, string>
}

/** What an app may override: any string, and any entry of the nested maps. */
export type StringOverrides = Partial<Omit<Strings, 'status' | 'priority' | 'category'>> & {
  status?: Partial<Record<IncidentStatus, string>>
  priority?: Partial<Record<Priority, string>>
  category?: Record<string, string>
}

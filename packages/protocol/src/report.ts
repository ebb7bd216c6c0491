import type { AttachmentCreated, ReportAttachment } from './attachment.ts'
import type { EventType, IncidentStatus, Priority, Tier } from './vocabulary.ts'

/** A reply to one guided diagnostic question: a choice id, yes/no, a number or short text. */
export type DiagnosticAnswer = string | number | boolean

/** How to reach the reporter. */
export interface ReportContact {
  name?: string
  email?: string
}

/** One entry of the SDK's breadcrumb ring buffer: what happened just before the report. */
export interface Breadcrumb {
  /** ISO 8601 time of the breadcrumb. */
  at: string
  type: 'navigation' | 'click' | 'console' | 'http' | 'error'
  message: string
  level?: 'info' | 'warning' | 'error'
  data?: Record<string, string | number | boolean | null>
}

/**
 * What the SDK captured around the report (redacted before it leaves the page, and
 * again on the server). Unknown keys are kept, so newer SDKs never lose data on older servers.
 */
export interface ReportContext {
  url?: string
  referrer?: string
  userAgent?: string
  locale?: string
  timeZone?: string
  viewport?: { width: number; height: number }
  appVersion?: string
  environment?: string
  breadcrumbs?: Breadcrumb[]
  [key: string]: unknown
}

/** Body of `POST /v1/reports`. */
export interface ReportCreate {
  /** What the reporter wrote: what is happening. */
  symptoms: string
  /** Diagnostic question id → answer. */
  answers?: Record<string, DiagnosticAnswer>
  contact?: ReportContact
  context?: ReportContext
  /**
   * The category the reporter chose (the widget sends the one its questions were about). A category
   * of the app's taxonomy becomes the ticket's, with `categorySource: "reporter"`; the engine's own
   * guess stays in the reasoning.
   */
  category?: string
  /**
   * "Me too": the id of a known problem (`GET /v1/notices`). The report joins that open major
   * incident and follows it; its symptoms may simply repeat the notice's text.
   */
  notice?: string
}

/** `201` answer of `POST /v1/reports`. Keep `reporterToken`: it is the only way to follow the report. */
export interface ReportCreated {
  id: string
  /** Human number per app, e.g. `INC-000123`. */
  number: string
  reporterToken: string
  status: IncidentStatus
  category: string
  priority: Priority
  /** ISO 8601. */
  createdAt: string
  /** The first words of the symptoms (at most 80 characters), to tell reports apart in a list. */
  summary: string
  /** Whether agents' replies also reach the reporter by e-mail: an address was given and this server sends e-mail. */
  emailUpdates: boolean
  /** The files sent with the report itself (a `multipart/form-data` report); absent for a JSON report. */
  attachments?: AttachmentCreated[]
}

/** One public entry of a report's timeline, as the reporter sees it. */
export interface ReportEvent {
  type: EventType
  /** ISO 8601. */
  at: string
  /** For `status_changed`: the new status. */
  status?: IncidentStatus
  /** For public messages and resolutions: the text written for the reporter. */
  body?: string
  /** For messages: who wrote it. */
  author?: 'agent' | 'reporter'
}

/** `GET /v1/reports/:id`: the reporter's view of their ticket. */
export interface ReportView {
  id: string
  number: string
  status: IncidentStatus
  category: string
  priority: Priority
  tier: Tier
  /**
   * The promise in the reporter's language: of a first answer until agents have answered ("we answer
   * within 3 hours"), then of a fix ("we aim to fix it within 24 hours"); null once resolved or closed.
   */
  slaPromise: string | null
  /** The first words of the symptoms (at most 80 characters). */
  summary: string
  /** Whether agents' replies also reach the reporter by e-mail. */
  emailUpdates: boolean
  createdAt: string
  updatedAt: string
  /** Public events, oldest first; with `?since=N`, only those after the first N. */
  timeline: ReportEvent[]
  /** How many public events exist in all: pass it back as `since` to get only newer ones. */
  timelineLength: number
  /** The files the reporter sent, oldest first; absent when there are none. */
  attachments?: ReportAttachment[]
}

/** One of a verified user's reports, with the token to follow it from this device. */
export interface ReportSummary {
  id: string
  number: string
  status: IncidentStatus
  category: string
  priority: Priority
  reporterToken: string
  /** The first words of the symptoms (at most 80 characters). */
  summary: string
  emailUpdates: boolean
  createdAt: string
  updatedAt: string
}

/** `GET /v1/reports` (publishable key, `X-Triage-User` and `X-Triage-User-Hash`): a verified user's reports, newest first. */
export interface ReportList {
  items: ReportSummary[]
}

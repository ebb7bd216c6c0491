/**
 * @triage/sdk — report problems to Triage from the browser or Node.
 * `createTriage` is the full client; `createTriageCore` only files reports, for the smallest
 * bundles. Breadcrumbs are a separate entry, `@triage/sdk/breadcrumbs`.
 */
export { createTriage } from './client.ts'
export type { ActionOptions, AttachOptions, Report, TriageClient, TriageOptions } from './client.ts'
export type { AppInfo } from './context.ts'
export { createTriageCore, newIdempotencyKey } from './core.ts'
export type { ReportInput, ReportOptions, TriageCore, TriageCoreOptions } from './core.ts'
export type { FlushResult } from './delivery.ts'
export { TriageError } from './errors.ts'
export type { ClientErrorCode, TriageErrorCode, TriageErrorFields } from './errors.ts'
export type { FollowOptions } from './follow.ts'
export type { IntegrationHost, TriageIntegration } from './integration.ts'
export type { TriageUser } from './prepare.ts'
export type { MyReport, QueuedReport, SentReport } from './report-book.ts'
export type { RetryOptions } from './retry.ts'
export { scrub, scrubText } from './scrub.ts'
export type { TriageStorage } from './storage.ts'
export { memoryStorage } from './storage.ts'
export type {
  AttachmentCreated,
  Breadcrumb,
  DeflectionCreated,
  DiagnosticAnswer,
  DiagnosticQuestion,
  DiagnosticsResult,
  IncidentStatus,
  Notice,
  NoticeList,
  Priority,
  Problem,
  ProblemCode,
  ReportContact,
  ReportContext,
  ReportCreate,
  ReportCreated,
  ReportEvent,
  ReportView,
  SimilarResolution,
  Tier,
} from '@triage/protocol'

/**
 * @triage/sdk — report problems to Triage from the browser or Node.
 */
export { createTriage } from './client.ts'
export type { ReportOptions, TriageClient, TriageOptions } from './client.ts'
export { TriageError } from './errors.ts'
export type { ClientErrorCode } from './errors.ts'
export type { RetryOptions } from './retry.ts'
export type {
  DiagnosticAnswer,
  IncidentStatus,
  Priority,
  Problem,
  ProblemCode,
  ReportContact,
  ReportContext,
  ReportCreate,
  ReportCreated,
  ReportEvent,
  ReportView,
  Tier,
} from '@triage/protocol'

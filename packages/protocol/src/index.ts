/**
 * @triage/protocol — the wire contract between the widget/SDK and the server.
 * This entry holds types and constants only (safe for browser bundles);
 * the zod schemas live in `@triage/protocol/schemas`.
 */
export * from './vocabulary.ts'
export type * from './report.ts'
export type * from './incident.ts'
export type * from './problem.ts'
export { problemCodes, problemMediaType } from './problem.ts'
export { limits } from './limits.ts'
export { categoryNames, enCategoryNames, frCategoryNames } from './category-names.ts'
export type * from './notice.ts'
export type * from './actions.ts'
export type * from './admin.ts'
export type * from './diagnostics.ts'
export type * from './metrics.ts'
export type * from './attachment.ts'
export { attachmentContentTypes } from './attachment.ts'
export type * from './privacy.ts'
export { auditActions } from './privacy.ts'

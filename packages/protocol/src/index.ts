/**
 * @triage/protocol — the wire contract between the widget/SDK and the server.
 * This entry holds types and constants only (safe for browser bundles);
 * the zod schemas live in `@triage/protocol/schemas`.
 */
export * from './vocabulary.ts'
export type * from './report.ts'
export type * from './incident.ts'
export type * from './problem.ts'
export { problemBody, problemCodes, problemMediaType, problemTitles } from './problem.ts'
export { limits } from './limits.ts'
export { assignedValueMinChars, cardMarker, isLuhnValid, isMarker, marker, prefixedTokenMinChars, secretKindOf, secretValues, secretWords } from './secrets.ts'
export type { RedactionKind, SecretKind } from './secrets.ts'
export { categoryNames, enCategoryNames, frCategoryNames } from './category-names.ts'
export type * from './notice.ts'
export { answerEquals, answerOf, answerValue, visibleQuestions } from './visible-questions.ts'
export type { ConditionalQuestion } from './visible-questions.ts'
export type * from './actions.ts'
export type * from './admin.ts'
export type * from './diagnostics.ts'
export type * from './metrics.ts'
export type * from './agents.ts'
export type * from './console.ts'
export { queueViews } from './console.ts'
export type * from './attachment.ts'
export { attachmentContentTypes, isRasterImage } from './attachment.ts'
export type * from './privacy.ts'
export { auditActions } from './privacy.ts'

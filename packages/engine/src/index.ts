/**
 * @triage/engine — the triage logic, pure TypeScript with no I/O: runs in Node, Workers and browsers.
 */
export { triage } from './triage.ts'
export type { TriageInput, TriageOptions } from './triage.ts'
export { categorize } from './categorize.ts'
export type { CategoryDecision } from './categorize.ts'
export { identify } from './identify.ts'
export type { KindDecision } from './identify.ts'
export { prioritize, priorityOf, impactQuestionId, workaroundQuestionId } from './prioritize.ts'
export type { PriorityDecision } from './prioritize.ts'
export { route } from './route.ts'
export type { TierDecision } from './route.ts'
export { defaultTaxonomy, fallbackCategoryId } from './taxonomy.ts'
export type { Category } from './taxonomy.ts'
export { foldText, words } from './text.ts'
export { defaultSlaPolicy, slaDueTimes, slaPromise } from './sla.ts'
export type { SlaDueTimes, SlaPolicy, SlaTarget } from './sla.ts'

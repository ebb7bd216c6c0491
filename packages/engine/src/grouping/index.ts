/** Major-incident grouping: many similar reports in a short window become one parent incident. */
export { decideGrouping } from './decide-grouping.ts'
export type { GroupingDecision, GroupingOptions, GroupingReport, RecentReport } from './decide-grouping.ts'
export { termCosine, termVector } from './term-cosine.ts'
export type { TermVector } from './term-cosine.ts'
export { createGroupCandidates } from './group-candidates.ts'
export type { CandidateIncident, GroupCandidates, GroupCandidatesOptions } from './group-candidates.ts'

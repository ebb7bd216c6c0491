/** Major-incident grouping: many similar reports in a short window become one parent incident. */
export { decideGrouping } from './decide-grouping.ts'
export type { GroupingDecision, GroupingOptions, GroupingReport, RecentReport } from './decide-grouping.ts'
export { termCosine, termVector } from './term-cosine.ts'
export type { TermVector } from './term-cosine.ts'

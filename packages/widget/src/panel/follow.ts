import { MyReports } from '../steps/my-reports.tsx'
import { Deflected } from '../steps/notice.tsx'
import { Report } from '../steps/report.tsx'
import type { FollowScreens } from './follow-type.ts'

/** The screens after the journey, by step. */
export const followScreens: FollowScreens['screens'] = { report: Report, reports: MyReports, deflected: Deflected }

export { KnownProblems } from '../steps/known-problems.tsx'

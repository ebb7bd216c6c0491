import { MyReports } from '../steps/my-reports.tsx'
import { Report } from '../steps/report.tsx'
import type { FollowScreens } from './follow-type.ts'

/** The screens after a report exists, by step. */
export const followScreens: FollowScreens['screens'] = { report: Report, reports: MyReports }

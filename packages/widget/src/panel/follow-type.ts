import type { FunctionComponent } from 'preact'
import type { followReport, LaterPartsShare, listMyReports } from '@triage/sdk/later-parts'
import type { FollowStrings, PanelStrings } from '../i18n/index.ts'
import type { StepProps } from '../steps/props.ts'
import type { Jsx } from './jsx-bridge.ts'

/**
 * The screens after the journey, which need the network anyway: the ticket and its follow-up, "My
 * reports", and the thank-you after a resolved incident's note solved the problem.
 */
export type FollowStep = 'report' | 'reports' | 'deflected'

/** What a follow-up chunk brings: its screens, the known problems' part of the first step, and their words in the panel's language. */
export interface FollowScreens {
  screens: Record<FollowStep, FunctionComponent<StepProps>>
  KnownProblems: FunctionComponent<StepProps>
  strings: FollowStrings
}

/** The screens after a report exists, with all the words they need once they have arrived. */
export interface LoadedFollow {
  screens: FollowScreens['screens']
  KnownProblems: FollowScreens['KnownProblems']
  strings: PanelStrings & FollowStrings
}

/**
 * What `widget-follow-<locale>.js` hands to its panel (the detail of {@link followEvent}): its
 * screens, and the SDK's following and list of one's reports, which the panel's client loads from
 * here (chunk-loader.ts).
 */
export type AttachFollow = (preact: Jsx, sdk: LaterPartsShare) => FollowScreens & { sdk: { followReport: typeof followReport; listMyReports: typeof listMyReports } }

/** The event a follow-up chunk dispatches on its own `<script>` element. */
export const followEvent = 'triage:follow'

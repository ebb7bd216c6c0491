/**
 * Entry of `dist/widget-follow-fr.js`: the screens after a report exists (the ticket and its
 * follow-up, "My reports") and their French words. The French panel loads it once a reporter
 * reaches "Check and send", or opens "My reports": a visitor who never reports never downloads it.
 * It renders with the panel's Preact, handed over with the event on its own script element.
 */
import { frFollow } from '../i18n/fr-follow.ts'
import { followReport, listMyReports } from '@triage/sdk/later-parts'
import { useJsx } from './jsx-bridge.ts'
import { useSdk } from './sdk-bridge.ts'
import { followScreens, KnownProblems } from './follow.ts'
import type { AttachFollow } from './follow-type.ts'
import { followEvent } from './follow-type.ts'

const attach: AttachFollow = (preact, sdk) => {
  useJsx(preact)
  useSdk(sdk)
  return { screens: followScreens, KnownProblems, strings: frFollow, sdk: { followReport, listMyReports } }
}
document.currentScript?.dispatchEvent(new CustomEvent(followEvent, { detail: attach }))

/**
 * Stands in for the SDK's `follow.ts` and `my-reports.ts` in a script-tag panel: following a report
 * and the list of one's reports come with the follow-up chunk, which holds the screens that show
 * them anyway (see chunk-loader.ts).
 */
import { sdkPartFrom } from './chunk-loader.ts'
import { followEvent } from './follow-type.ts'

// biome-ignore lint/suspicious/noThenProperty: this module's namespace is a thenable on purpose (see sdkPartFrom).
export const then = sdkPartFrom('follow', followEvent)

import { frAttachments } from './fr-attachments.ts'
import { frFollow } from './fr-follow.ts'
import { frPanel } from './fr-panel.ts'
import type { Strings } from './strings.ts'

/** Every French string of the widget (what `mount` uses). */
export const fr: Strings = { ...frPanel, ...frFollow, ...frAttachments }

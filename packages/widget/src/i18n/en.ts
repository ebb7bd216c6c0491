import { enAttachments } from './en-attachments.ts'
import { enFollow } from './en-follow.ts'
import { enPanel } from './en-panel.ts'
import type { Strings } from './strings.ts'

/** Every English string of the widget (what `mount` uses). */
export const en: Strings = { ...enPanel, ...enFollow, ...enAttachments }

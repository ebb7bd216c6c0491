/**
 * Entry of `dist/widget-panel-en.js`, loaded by `widget.js` (see `script-tag.ts`) for pages in
 * this language: Preact, the SDK, the journey up to sending and its words. It hands its panel to the
 * loader through an event on its own script element, so it sets no global. The screens after a
 * report exists come later from `widget-follow-en.js`, and screenshots and files from
 * `widget-attachments-en.js` once the reporter asks for them, both next to it (see `chunk-loader.ts`).
 */
import { enPanel } from '../i18n/en-panel.ts'
import type { PanelChunks } from './attach.tsx'
import { panelFor } from './attach.tsx'
import { panelEvent } from './attach-type.ts'
import { attachmentsEvent } from './attachments-type.ts'
import { chunkLoader } from './chunk-loader.ts'
import { followEvent } from './follow-type.ts'

const load = chunkLoader('en')
const chunks: PanelChunks = { follow: () => load('follow', followEvent), attachments: () => load('attachments', attachmentsEvent) }
document.currentScript?.dispatchEvent(new CustomEvent(panelEvent, { detail: panelFor(enPanel, chunks) }))

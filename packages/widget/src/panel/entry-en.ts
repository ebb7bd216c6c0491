/**
 * Entry of `dist/widget-panel-en.js`, loaded by `widget.js` (see `script-tag.ts`) for pages in
 * this language: Preact, the SDK, the journey and one dictionary. It hands its panel to the loader
 * through an event on its own script element, so it sets no global.
 */
import { en } from '../i18n/en.ts'
import { panelFor } from './attach.tsx'
import { panelEvent } from './attach-type.ts'

document.currentScript?.dispatchEvent(new CustomEvent(panelEvent, { detail: panelFor(en) }))

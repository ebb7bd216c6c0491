/**
 * Entry of `dist/widget-panel-fr.js`, loaded by `widget.js` (see `script-tag.ts`) for pages in
 * this language: Preact, the SDK, the journey and one dictionary. It hands its panel to the loader
 * through an event on its own script element, so it sets no global.
 */
import { fr } from '../i18n/fr.ts'
import { panelFor } from './attach.tsx'
import { panelEvent } from './attach-type.ts'

document.currentScript?.dispatchEvent(new CustomEvent(panelEvent, { detail: panelFor(fr) }))

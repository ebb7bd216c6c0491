import { Fragment, h } from 'preact'
import { loadScript } from './load-script.ts'
import type { Locale } from '../i18n/locale.ts'
import type { AttachFollow, FollowScreens } from './follow-type.ts'
import { followEvent } from './follow-type.ts'

/**
 * How a script-tag panel brings its follow-up screens: `widget-follow-<locale>.js` from next to its
 * own script, with the nonce it came with; they render with this panel's Preact. Read when the
 * panel's script first runs (`document.currentScript` is gone after).
 */
export function followLoader(locale: Locale): () => Promise<FollowScreens> {
  const { src, nonce } = document.currentScript as HTMLScriptElement
  return () => loadScript<AttachFollow>(new URL(`widget-follow-${locale}.js`, src).href, nonce, followEvent).then((attach) => attach({ h, Fragment }))
}

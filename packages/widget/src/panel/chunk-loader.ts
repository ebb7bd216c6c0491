import { signal } from '@preact/signals-core'
import { Fragment, h } from 'preact'
import { loadScript } from './load-script.ts'
import type { Locale } from '../i18n/locale.ts'
import type { Jsx } from './jsx-bridge.ts'

/**
 * How a script-tag panel brings a chunk of its own (`widget-<name>-<locale>.js`, the follow-up
 * screens or the attachments) from next to its own script, with the nonce it came with: the chunk
 * hands over a function with `event`, which gets this panel's Preact. Read when the panel's script
 * first runs (`document.currentScript` is gone after).
 */
export function chunkLoader(locale: Locale): <T>(name: string, event: string) => Promise<T> {
  const { src, nonce } = document.currentScript as HTMLScriptElement
  const jsx: Jsx = { h, Fragment, signal }
  return <T>(name: string, event: string) => loadScript<(preact: Jsx) => T>(new URL(`widget-${name}-${locale}.js`, src).href, nonce, event).then((attach) => attach(jsx))
}

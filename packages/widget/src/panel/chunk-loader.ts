import { signal } from '@preact/signals-core'
import { Fragment, h } from 'preact'
import { laterPartsShare } from '@triage/sdk/later-parts'
import type { LaterPartsShare } from '@triage/sdk/later-parts'
import { loadScript } from './load-script.ts'
import type { Locale } from '../i18n/locale.ts'
import type { Jsx } from './jsx-bridge.ts'

/** Loads one of the panel's chunks once (again after a failure), answering what it hands over. */
export type LoadChunk = <T>(name: string, event: string) => Promise<T>

/** This page's panel's loader, for the SDK's parts that come with a chunk ({@link sdkPartFrom}); set by its entry. */
let loadChunk: LoadChunk | undefined

/**
 * How a script-tag panel brings a chunk of its own (`widget-<name>-<locale>.js`, the follow-up
 * screens or the attachments) from next to its own script, with the nonce it came with: the chunk
 * hands over a function with `event`, which gets this panel's Preact and what the SDK's later parts
 * borrow from its SDK (see sdk-bridge.ts). Read when the panel's script
 * first runs (`document.currentScript` is gone after).
 */
export function chunkLoader(locale: Locale): LoadChunk {
  const { src, nonce } = document.currentScript as HTMLScriptElement
  const jsx: Jsx = { h, Fragment, signal }
  const loading: Record<string, Promise<unknown>> = {}
  loadChunk = <T>(name: string, event: string) =>
    (loading[name] ??= loadScript<(preact: Jsx, sdk: LaterPartsShare) => T>(new URL(`widget-${name}-${locale}.js`, src).href, nonce, event).then(
      (attach) => attach(jsx, laterPartsShare),
      (failure: unknown) => {
        // Not there (offline): the next call asks again.
        delete loading[name]
        throw failure
      },
    )) as Promise<T>
  return loadChunk
}

/**
 * The `then` of a stand-in module for one of the SDK's later parts (panel/sdk-*.ts; see
 * `sdkPartsFromChunks` in rollup.config.mjs). Its namespace is a thenable, so the SDK's own
 * `await import('./follow.ts')` resolves to the part the chunk hands over (its `sdk`), or fails
 * as loading the chunk does (or at once, without a loader: a `then` that throws rejects, never hangs).
 */
export const sdkPartFrom =
  (name: string, event: string) =>
  (resolve: (part: unknown) => void, reject: (failure: unknown) => void): void =>
    void (loadChunk as LoadChunk)<{ sdk: unknown }>(name, event).then((chunk) => resolve(chunk.sdk), reject)

import type { signal as preactSignal } from '@preact/signals-core'
import type { Fragment as PreactFragment, h as preactH } from 'preact'

/** What a chunk loaded later borrows from the panel's Preact and signals to render its components. */
export interface Jsx {
  h: typeof preactH
  Fragment: typeof PreactFragment
  signal: typeof preactSignal
}

// Stands in for `jsx.ts` in a chunk's build: set by `useJsx` before any of its components runs.
export let h: Jsx['h']
export let Fragment: Jsx['Fragment']
export let signal: Jsx['signal']

/** Makes the chunk's components render with the panel's Preact (one Preact, one tree). */
export function useJsx(preact: Jsx): void {
  h = preact.h
  Fragment = preact.Fragment
  signal = preact.signal
}

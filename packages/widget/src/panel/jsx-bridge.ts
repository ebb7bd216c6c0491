import type { Fragment as PreactFragment, h as preactH } from 'preact'

/** What a follow-up chunk borrows from the panel's Preact to render its components. */
export interface Jsx {
  h: typeof preactH
  Fragment: typeof PreactFragment
}

// Stands in for `jsx.ts` in a follow-up chunk's build: set by `useJsx` before any of its components runs.
export let h: Jsx['h']
export let Fragment: Jsx['Fragment']

/** Makes the chunk's components render with the panel's Preact (one Preact, one tree). */
export function useJsx(preact: Jsx): void {
  h = preact.h
  Fragment = preact.Fragment
}

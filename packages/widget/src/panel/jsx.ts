/**
 * Preact's `h` and `Fragment`, and the signals' `signal`, for the components the script tag loads
 * later (`steps/report.tsx`, `steps/my-reports.tsx`, `attachments/`, and what they use). In the
 * panel and the ESM build they are Preact's own; a chunk's build puts `jsx-bridge.ts` in this
 * module's place (rollup.config.mjs), so the chunk renders with the panel's Preact and signals
 * instead of a second copy.
 */
export { Fragment, h } from 'preact'
export { signal } from '@preact/signals-core'

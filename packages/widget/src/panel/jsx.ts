/**
 * Preact's `h` and `Fragment` for the components the script tag loads later (`steps/report.tsx`,
 * `steps/my-reports.tsx`, and what they use). In the panel and the ESM build they are Preact's own;
 * the follow-up chunk's build puts `jsx-bridge.ts` in this module's place (rollup.config.mjs), so the
 * chunk renders with the panel's Preact instead of a second copy.
 */
export { Fragment, h } from 'preact'

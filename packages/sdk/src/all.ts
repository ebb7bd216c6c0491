// Everything in one module, as `dist/sdk.js` ships it to pages without a bundler
// (`import { createTriage, breadcrumbs } from '/sdk.js'`); its type declarations come from here.
export * from './index.ts'
export * from './breadcrumbs/index.ts'

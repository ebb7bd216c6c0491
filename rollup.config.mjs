// The browser builds. `npm run build` runs this, then scripts/print-sizes.mjs checks the size budgets.
// TypeScript is compiled by esbuild (type-checking is `npm run typecheck`); workspace packages
// resolve to their TS sources through the `@triage/source` export condition.
import nodeResolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { dts } from 'rollup-plugin-dts'
import esbuild from 'rollup-plugin-esbuild'
import { transform } from 'esbuild'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { consoleAssets } from './scripts/console-assets.mjs'

const exportConditions = ['@triage/source', 'browser', 'module', 'import', 'default']

/** Validation stays on the server: zod (in `@triage/protocol/schemas`) must reach no bundle. */
const noZod = {
  name: 'no-zod',
  resolveId(source, importer) {
    if (source === 'zod' || source.startsWith('zod/') || source.endsWith('/schemas') || source.endsWith('/schemas.ts')) {
      this.error(`${importer ?? 'an entry'} imports ${source}: browser bundles must not carry the zod schemas.`)
    }
    return null
  },
}

const terserOptions = { ecma: 2020, compress: { passes: 2 }, format: { comments: false, ascii_only: true } }

/**
 * The script-tag files (loader, panels, follow-up chunks) are our own modules in an IIFE, so terser
 * may treat them as ES modules (strict code, top-level names private) and drop parameters no caller
 * reads (nothing reads a function's `length`): −8 B on widget.js, −18 B on each panel, −9 B on the
 * follow-up chunks. Not for the SDK fixtures, which stand for an app's own bundler settings.
 */
const scriptTagTerserOptions = { ...terserOptions, module: true, compress: { ...terserOptions.compress, keep_fargs: false } }

/**
 * The property names private to a script-tag panel, from the checked-in list
 * `packages/widget/mangle.json` (as preactjs/signals keeps its `mangle.json`): the dictionary's keys,
 * the state's members and Preact's class-component hooks, ~300 B of gzip in full. A listed name is
 * shortened everywhere in a panel at once, so none may cross its edge; `test/panel-build.test.ts`
 * checks that every one is gone from the built panels and that none is read across an edge.
 */
const mangleList = JSON.parse(readFileSync(new URL('packages/widget/mangle.json', import.meta.url), 'utf8'))
const panelPrivateNames = [...mangleList.dictionary, ...mangleList.state, ...mangleList.preact]

/**
 * The panels' compression, measured on them (the loader and the SDK gain nothing from it):
 * unsafe_methods turns `{ m: function () {} }` into `{ m() {} }`, which cannot be `new`ed (nothing
 * constructs an object's function); inline: 1 and no sequences rewrite less, which gzip rewards;
 * a third pass (−7 B); and the listed private property names are shortened.
 */
const panelTerserOptions = {
  ...scriptTagTerserOptions,
  compress: { ...scriptTagTerserOptions.compress, passes: 3, unsafe_methods: true, inline: 1, sequences: false },
  mangle: { properties: { regex: new RegExp(`^(?:${panelPrivateNames.join('|')})$`) } },
}

/**
 * `import css from './panel.css?raw'`: a stylesheet written readable, as one minified string.
 * esbuild keeps the space after a custom property's colon; CSS parsers drop it (CSS Syntax 3,
 * "consume a declaration"), so it goes too. Tests (vite) read the same import unminified.
 */
const cssText = {
  name: 'css-text',
  resolveId: (source, importer) => (source.endsWith('.css?raw') && importer ? resolve(dirname(importer), source) : null),
  async load(id) {
    if (!id.endsWith('.css?raw')) return null
    const path = id.slice(0, -'?raw'.length)
    this.addWatchFile(path)
    const { code } = await transform(readFileSync(path, 'utf8'), { loader: 'css', minify: true })
    return `export default ${JSON.stringify(code.trim().replace(/(--[\w-]+):\s+/g, '$1:'))}`
  },
}

/** `minifySyntax` for the widget's script-tag files: esbuild's syntax folding before terser saves ~20 B gzip there. */
const plugins = ({ minifySyntax = false } = {}) => [
  noZod,
  cssText,
  nodeResolve({ browser: true, exportConditions, extensions: ['.mjs', '.js', '.json', '.ts', '.tsx'] }),
  esbuild({ target: 'es2020', minifySyntax }),
]

/**
 * The chunks a panel loads later (follow-up screens, attachments) render with their panel's Preact
 * and signals: `panel/jsx.ts` (Preact's `h`, the signals' `signal`) becomes `panel/jsx-bridge.ts`,
 * set by the panel when it loads them, so no second Preact comes along.
 */
const jsxBridge = {
  name: 'jsx-bridge',
  resolveId(source, importer) {
    return source.endsWith('/panel/jsx.ts') && importer ? fileURLToPath(new URL('packages/widget/src/panel/jsx-bridge.ts', import.meta.url)) : null
  },
}

/**
 * The SDK loads following, the list of one's reports and the store of queued files on first use
 * (`import('./follow.ts')`, `import('./my-reports.ts')`, `import('./files.ts')`), which an app's bundler splits off. A script-tag panel is one IIFE
 * that cannot split, so its build points each at a stand-in that brings the part with one of the
 * panel's chunks (`panel/sdk-*.ts`, see `sdkPartFrom`); any other dynamic import fails the build
 * rather than landing in the panel unnoticed.
 */
const sdkLaterParts = { './follow.ts': 'sdk-follow.ts', './my-reports.ts': 'sdk-follow.ts', './files.ts': 'sdk-files.ts' }
const sdkPartsFromChunks = {
  name: 'sdk-parts-from-chunks',
  resolveDynamicImport(specifier, importer) {
    const standIn = Object.hasOwn(sdkLaterParts, specifier) && sdkLaterParts[specifier]
    if (!standIn || !importer?.startsWith(sdkSource('')))
      this.error(`${importer} imports ${specifier} later: give it a stand-in in packages/widget/src/panel/ (see sdkPartsFromChunks).`)
    return fileURLToPath(new URL(`packages/widget/src/panel/${standIn}`, import.meta.url))
  },
}

/**
 * A chunk's copy of the SDK's later parts (`@triage/sdk/later-parts`) runs on its panel's SDK: what
 * they import from the rest of the SDK resolves to `panel/sdk-bridge.ts`, set from the panel's own
 * (`LaterPartsShare`), so a chunk carries no second TriageError nor transport. Any other of the
 * SDK's modules fails the build rather than land in a chunk twice.
 */
const sdkBridge = {
  name: 'sdk-bridge',
  resolveId(source, importer) {
    if (!importer?.startsWith(sdkSource('')) || !source.startsWith('.')) return null
    if (['./errors.ts', './retry.ts', './transport.ts'].includes(source)) return fileURLToPath(new URL('packages/widget/src/panel/sdk-bridge.ts', import.meta.url))
    if (!Object.hasOwn(sdkLaterParts, source)) this.error(`${importer} imports ${source}: a chunk would carry a second copy; borrow it through LaterPartsShare (see sdkBridge).`)
    return null
  },
}

/** A package's own dependencies stay imports in its ESM build; the bundler of the app resolves them. */
const widgetExternal = (id) => /^(preact|@preact\/signals-core|@triage\/sdk)(\/|$)/.test(id)

/** The SDK's entry points: `@triage/sdk` and `@triage/sdk/breadcrumbs` (shared code goes to a chunk). */
const sdkEntries = { index: 'packages/sdk/src/index.ts', breadcrumbs: 'packages/sdk/src/breadcrumbs/index.ts' }
const sdkSource = (path) => fileURLToPath(new URL(`packages/sdk/src/${path}`, import.meta.url))

/**
 * The SDK as an app's bundler ships it for a given use, minified: `code` is the app's import.
 * print-sizes checks each against its budget in packages/sdk/package.json. The parts the SDK loads
 * on first use are files of their own (`<name>-follow.js`…), as an app's bundler splits them; `one`
 * makes a single self-contained file instead.
 */
const sdkSizeFixture = (name, code, { one = false } = {}) => ({
  input: { [name]: '\0size-fixture' },
  // The later parts import what they share from the entry, as an app's bundle would (no facade file).
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'packages/sdk/dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: `${name}-[name].js`,
    inlineDynamicImports: one,
    // The single file is ours to ship (dist/sdk.js): the wrappers of its inlined later parts as
    // arrows and consts, their namespaces unfrozen (private to the file, nothing to guard): −19 B.
    ...(one && { freeze: false, generatedCode: { arrowFunctions: true, constBindings: true } }),
  },
  plugins: [
    { name: 'size-fixture', resolveId: (id) => (id === '\0size-fixture' ? id : null), load: (id) => (id === '\0size-fixture' ? code : null) },
    ...plugins(),
    terser(terserOptions),
  ],
})

const declarations = (input, file, external = () => false) => ({
  input,
  output: { file, format: 'es' },
  external,
  // respectExternal: inline what is not external (the @triage/protocol types) so the .d.ts stands alone.
  plugins: [dts({ respectExternal: true, tsconfig: 'tsconfig.json' })],
})

export default [
  // The agents' console, served at /console: its own ES modules (the screens past the queue load
  // when first opened), stylesheet and page. Nothing here reaches the widget or the SDK, and the
  // reverse: it imports neither. print-sizes checks its first screen against its budget.
  {
    input: { console: 'packages/console/src/main.tsx' },
    output: { dir: 'packages/console/dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    plugins: [consoleAssets({ base: '/console/' }), ...plugins(), terser(terserOptions)],
  },
  // Script tag: `widget.js` is the small loader (launcher, no Preact) that renders at once and loads
  // `widget-panel-<locale>.js` (Preact, signals, SDK, the journey) from next to its own src on idle or first open.
  // ascii_only: the strings stay right even when a page or CDN serves the file without a UTF-8 charset.
  ...[
    ['script-tag.ts', 'widget.js'],
    // One panel per language, so a page downloads only its own strings.
    ['panel/entry-en.ts', 'widget-panel-en.js'],
    ['panel/entry-fr.ts', 'widget-panel-fr.js'],
    // The screens after a report exists, loaded by the panel once a reporter gets near sending.
    ['panel/entry-follow-en.ts', 'widget-follow-en.js'],
    ['panel/entry-follow-fr.ts', 'widget-follow-fr.js'],
    // Screenshots and files, loaded by the panel only when the reporter asks to add one.
    ['panel/entry-attachments-en.ts', 'widget-attachments-en.js'],
    ['panel/entry-attachments-fr.ts', 'widget-attachments-fr.js'],
  ].map(([input, file]) => ({
    input: `packages/widget/src/${input}`,
    // inlineDynamicImports: the SDK's later parts are stand-ins by then (sdkPartsFromChunks).
    // The inlined parts' namespaces unfrozen, their wrappers as arrows (private to the file, as in sdk.js).
    output: { file: `packages/widget/dist/${file}`, format: 'iife', inlineDynamicImports: true, freeze: false, generatedCode: { arrowFunctions: true, constBindings: true } },
    plugins: [
      ...(file.startsWith('widget-panel-') || file === 'widget.js' ? [sdkPartsFromChunks] : [jsxBridge, sdkBridge]),
      ...plugins({ minifySyntax: true }),
      terser(file === 'widget.js' ? scriptTagTerserOptions : panelTerserOptions),
    ],
  })),
  {
    input: 'packages/widget/src/index.ts',
    output: { file: 'packages/widget/dist/index.js', format: 'es' },
    external: widgetExternal,
    plugins: plugins(),
  },
  {
    input: sdkEntries,
    output: { dir: 'packages/sdk/dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    plugins: plugins(),
  },
  // The core report path: an app that only files reports.
  sdkSizeFixture(
    'size-core',
    `import { createTriageCore } from ${JSON.stringify(sdkSource('index.ts'))}\nexport const report = (options, input) => createTriageCore(options).report(input)`,
  ),
  // The full client without breadcrumbs.
  sdkSizeFixture(
    'size-client',
    `import { createTriage } from ${JSON.stringify(sdkSource('index.ts'))}\nexport const report = (options, input) => createTriage(options).report(input)`,
  ),
  // Everything, in one self-contained module: the budget for all of it, and the file pages
  // without a bundler import (`import { createTriage, breadcrumbs } from '/sdk.js'`).
  sdkSizeFixture('sdk', `export * from ${JSON.stringify(sdkSource('all.ts'))}`, { one: true }),
  declarations('packages/widget/src/index.ts', 'packages/widget/dist/index.d.ts', widgetExternal),
  {
    // sdk.d.ts types the all-in-one dist/sdk.js (`@triage/sdk/sdk.js`).
    input: { ...sdkEntries, sdk: 'packages/sdk/src/all.ts' },
    output: { dir: 'packages/sdk/dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: '[name].d.ts' },
    plugins: [dts({ respectExternal: true, tsconfig: 'tsconfig.json' })],
  },
]

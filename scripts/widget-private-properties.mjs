// Property names that never leave a script-tag panel, so terser may shorten them there (rollup.config.mjs).
// The panel's long names are its dictionary keys (`strings.symptomsHint`), its state's members
// (`state.questionIndex`) and Preact's class-component API: in full they weigh ~300 B of gzip.
// A name is shortened everywhere in the bundle at once, so the only danger is a name that also
// reaches something outside it: the server's JSON, the SDK's stored queue, the loader (a separate
// file) or the DOM. Names seen in those sources are kept as they are, and so are DOM names (terser
// reserves them by default); the end-to-end tests then run the built panels through the journey.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const widget = join(root, 'packages/widget/src')

/**
 * Sources whose property names cross a panel's edge: wire format, SDK, the loader↔panel contract,
 * and the follow-up screens, built apart (`widget-follow-<locale>.js`), which read the panel's state
 * and words: each name they use is kept whole in both, so both agree.
 */
const sharedSources = [
  'packages/protocol/src',
  'packages/sdk/src',
  'packages/widget/src/core',
  'packages/widget/src/options.ts',
  'packages/widget/src/panel/attach-type.ts',
  'packages/widget/src/panel/follow-type.ts',
  'packages/widget/src/panel/jsx-bridge.ts',
  'packages/widget/src/steps/report.tsx',
  'packages/widget/src/steps/my-reports.tsx',
  'packages/widget/src/steps/failure-line.tsx',
  'packages/widget/src/script-tag.ts',
  'packages/widget/src/script-config.ts',
  'packages/widget/src/mount.tsx',
  'packages/widget/src/index.ts',
]

const sourceFiles = (path) => {
  if (/\.tsx?$/.test(path)) return [path]
  return readdirSync(path, { recursive: true })
    .filter((name) => /\.tsx?$/.test(name) && !/(^|[\\/.])test/.test(name))
    .map((name) => join(path, name))
}

/** Every `name:` (keys, type members) and `.name` (reads) in the shared sources: generous on purpose. */
export function sharedNames() {
  const names = new Set()
  for (const file of sharedSources.flatMap((source) => sourceFiles(join(root, source)))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(\w+)\??:|\.(\w+)/g)) names.add(match[1] ?? match[2])
  }
  return names
}

/** The keys of the English dictionary (every language has the same) that hold a string, not a map of ids. */
async function dictionaryKeys() {
  const { en } = await import(join(widget, 'i18n/en.ts'))
  return Object.keys(en).filter((key) => typeof en[key] === 'string')
}

/** The members `createWidgetState` returns, one per line in its closing `return { … }`. */
function stateMembers() {
  const source = readFileSync(join(widget, 'state.ts'), 'utf8')
  const returned = source.slice(source.lastIndexOf('\n  return {'))
  return [...returned.matchAll(/^ {4}(\w+)[,:]/gm)].map((match) => match[1])
}

/**
 * Preact's class-component API (hooks its diff looks up on every component, `setState`…) and its
 * `options.debounceRendering`. A panel carries its own copy of Preact that only its own (function)
 * components use, so the names are free to shorten (a class component added later would have its
 * methods shortened alike).
 */
const preactComponentApi = [
  'componentDidCatch',
  'componentDidMount',
  'componentDidUpdate',
  'componentWillMount',
  'componentWillReceiveProps',
  'componentWillUnmount',
  'componentWillUpdate',
  'contextType',
  'debounceRendering',
  'defaultProps',
  'forceUpdate',
  'getChildContext',
  'getDerivedStateFromError',
  'getDerivedStateFromProps',
  'getSnapshotBeforeUpdate',
  'setState',
  'shouldComponentUpdate',
]

/** The names to shorten, as terser's `mangle.properties.regex`. */
export async function widgetPrivateProperties() {
  const shared = sharedNames()
  const names = [...new Set([...(await dictionaryKeys()), ...stateMembers(), ...preactComponentApi])].filter((name) => !shared.has(name)).sort()
  return { names, regex: new RegExp(`^(?:${names.join('|')})$`) }
}

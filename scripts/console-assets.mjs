// The console's page and stylesheet, made by its rollup build (rollup.config.mjs):
// - `import './x.css'` in a console module adds that file to `console.css` (in import order, entry
//   chunk first) and to no script, so styles sit beside their components and a strict
//   Content-Security-Policy (no inline styles or scripts) holds;
// - `index.html`: the page every console path answers with, which loads the stylesheet and the
//   entry module and preloads the chunks the entry imports statically;
// - `first-screen.json`: the files a browser downloads before the first screen, which
//   scripts/print-sizes.mjs adds up against the console's `firstScreenBudgetGzip`.
import { readFile } from 'node:fs/promises'
import { transform } from 'esbuild'

/**
 * @param {{ base: string, title?: string }} options `base`: the URL path the files are served under (`/console/`)
 * @returns {import('rollup').Plugin}
 */
export function consoleAssets({ base, title = 'Triage console' }) {
  const css = new Map()
  return {
    name: 'console-assets',
    async load(id) {
      if (!id.endsWith('.css')) return null
      css.set(id, await readFile(id, 'utf8'))
      this.addWatchFile(id)
      // No JavaScript: the rules go to console.css.
      return { code: 'export {}', moduleSideEffects: true }
    },
    async generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk')
      const entry = chunks.find((chunk) => chunk.isEntry)
      if (!entry) this.error('the console build has no entry chunk')
      // Stylesheets in the order their modules import them, the entry chunk's first.
      const ordered = [entry, ...chunks.filter((chunk) => chunk !== entry).sort((a, b) => a.fileName.localeCompare(b.fileName))]
      const sheets = []
      for (const chunk of ordered) {
        for (const id of chunk.moduleIds) {
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) if (css.has(imported) && !sheets.includes(imported)) sheets.push(imported)
        }
      }
      const stylesheet = (await transform(sheets.map((id) => css.get(id)).join('\n'), { loader: 'css', minify: true, target: ['chrome123', 'firefox120', 'safari17.5'] })).code
      this.emitFile({ type: 'asset', fileName: 'console.css', source: stylesheet })

      // The entry and what it imports statically, transitively: all of it runs before the first screen.
      const staticImports = new Set()
      const walk = (fileName) => {
        for (const imported of bundle[fileName]?.imports ?? []) if (!staticImports.has(imported)) staticImports.add(imported), walk(imported)
      }
      walk(entry.fileName)
      const preloads = [...staticImports].map((file) => `<link rel="modulepreload" href="${base}${file}">`).join('')
      const html =
        '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark">' +
        `<title>${title}</title><link rel="icon" href="data:,">` +
        `<link rel="stylesheet" href="${base}console.css">${preloads}<script type="module" src="${base}${entry.fileName}"></script>` +
        '</head><body><div id="app"></div></body></html>\n'
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html })
      this.emitFile({
        type: 'asset',
        fileName: 'first-screen.json',
        source: `${JSON.stringify({ files: ['index.html', 'console.css', entry.fileName, ...staticImports] }, null, 2)}\n`,
      })
    },
  }
}

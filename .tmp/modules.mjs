import { rollup } from 'rollup'
import { loadConfigFile } from 'rollup/loadConfigFile'
import { gzipSync } from 'node:zlib'
const want = process.argv[2]
const { options } = await loadConfigFile(process.cwd() + '/rollup.config.mjs', { silent: true })
for (const config of options) {
  const out = Array.isArray(config.output) ? config.output[0] : config.output
  if (!(out.file ?? '').endsWith(want)) continue
  const bundle = await rollup(config)
  const { output } = await bundle.generate(out)
  const rows = Object.entries(output[0].modules).map(([id, m]) => [m.renderedLength, gzipSync(m.code ?? '').length, id.replace(process.cwd(), '')])
  rows.sort((a, b) => b[1] - a[1])
  for (const r of rows.slice(0, 45)) console.log(r.join('\t'))
}

import { rollup } from 'rollup'
import { loadConfigFile } from 'rollup/loadConfigFile'
import { gzipSync } from 'node:zlib'
const want = process.argv.slice(2)
const { options } = await loadConfigFile(process.cwd() + '/rollup.config.mjs', { silent: true })
for (const config of options) {
  const out = Array.isArray(config.output) ? config.output[0] : config.output
  const name = out.file ?? ''
  if (!want.some((w) => name.endsWith(w))) continue
  const bundle = await rollup(config)
  const { output } = await bundle.generate(out)
  console.log(name, gzipSync(Buffer.from(output[0].code), { level: 9 }).length)
  await bundle.close()
}

import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { stampPath } from './build-fingerprint.ts'
import { build, staleBecause } from './build.ts'

// A small repository of the same shape, built by the real rollup: a widget source that imports a
// helper outside the input roots (only rollup's module graph knows it), a rollup.config.mjs, and a
// print-sizes script whose verdict the fixture controls.
let root: string
const workingDirectory = process.cwd()
const write = (path: string, content: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), content)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'triage-build-'))
  write('package.json', JSON.stringify({ workspaces: ['packages/widget'] }))
  write('packages/widget/package.json', '{}')
  write('packages/widget/src/index.js', "import { greet } from '../../../lib/helper.js'\nexport const hello = greet('world')\n")
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the file written is JavaScript with a template literal
  write('lib/helper.js', 'export const greet = (name) => `hello ${name}`\n')
  write('scripts/print-sizes.mjs', 'process.exitCode = process.env.FIXTURE_OVER_BUDGET ? 1 : 0\n')
  write(
    'rollup.config.mjs',
    [
      "import { writeFileSync } from 'node:fs'",
      "const sneak = { name: 'sneak', buildStart() { if (process.env.FIXTURE_EDIT_DURING_BUILD) writeFileSync(new URL('./packages/widget/src/late.js', import.meta.url), 'export {}') } }",
      "export default [{ input: 'packages/widget/src/index.js', output: { file: 'packages/widget/dist/index.js', format: 'es' }, plugins: [sneak] }]",
    ].join('\n'),
  )
  // loadConfigFile resolves the config's relative paths from the working directory, as the CLI does.
  process.chdir(root)
})
afterEach(() => {
  process.chdir(workingDirectory)
  delete process.env['FIXTURE_OVER_BUDGET']
  delete process.env['FIXTURE_EDIT_DURING_BUILD']
  rmSync(root, { recursive: true, force: true })
})

describe('building only when something changed', () => {
  it('builds the first time, then finds nothing to do', async () => {
    expect(staleBecause(root)).toEqual(['no build recorded yet'])
    await build(root)
    expect(existsSync(join(root, 'packages/widget/dist/index.js'))).toBe(true)
    expect(staleBecause(root)).toEqual([])
  })

  it('compares contents, not times: a file saved unchanged needs no build', async () => {
    await build(root)
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(root, 'packages/widget/src/index.js'), later, later)
    expect(staleBecause(root)).toEqual([])
  })

  it('rebuilds after a source changes, a file is added, or a file rollup read elsewhere changes', async () => {
    await build(root)
    write('packages/widget/src/index.js', "export const hello = 'changed'\n")
    expect(staleBecause(root)).toEqual(['~packages/widget/src/index.js'])
    await build(root)

    write('packages/widget/src/new-step.js', 'export {}\n')
    expect(staleBecause(root)).toEqual(['+packages/widget/src/new-step.js'])

    write('packages/widget/src/index.js', "import { greet } from '../../../lib/helper.js'\nexport const hello = greet('world')\n")
    await build(root)
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the file written is JavaScript with a template literal
    write('lib/helper.js', 'export const greet = (name) => `bonjour ${name}`\n')
    expect(staleBecause(root)).toEqual(['~lib/helper.js'])
  })

  it('rebuilds when a built file was removed or edited by hand', async () => {
    await build(root)
    write('packages/widget/dist/index.js', '/* edited */')
    expect(staleBecause(root)).toEqual(['~packages/widget/dist/index.js'])
    rmSync(join(root, 'packages/widget/dist/index.js'))
    expect(staleBecause(root)).toEqual(['-packages/widget/dist/index.js (built file)'])
  })

  it('records nothing when the size budgets fail, so the next start builds (and fails) again', async () => {
    await build(root)
    write('packages/widget/src/index.js', "export const hello = 'bigger'\n")
    process.env['FIXTURE_OVER_BUDGET'] = '1'
    await expect(build(root)).rejects.toThrow('the size budgets failed')
    expect(existsSync(stampPath(root))).toBe(false)
    expect(staleBecause(root)).toEqual(['no build recorded yet'])
  })

  it('records nothing when an input changed while it built', async () => {
    process.env['FIXTURE_EDIT_DURING_BUILD'] = '1'
    await build(root)
    expect(existsSync(stampPath(root))).toBe(false)
  })
})

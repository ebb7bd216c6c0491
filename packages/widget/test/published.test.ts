// @triage/sdk and @triage/widget as an app developer gets them: `npm pack`, installed from the
// tarballs into a scratch app outside the workspace (their own dependencies, such as Preact, come
// from the npm registry), then a TypeScript file that uses them is type-checked, twice (bundler
// and Node resolution), bundled by rollup, and imported by Node. Needs `npm run build` first
// (`npm test` does) and the npm registry.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import nodeResolve from '@rollup/plugin-node-resolve'
import { rollup } from 'rollup'
import esbuild from 'rollup-plugin-esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtPath } from '@triage/testing/built'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../..', import.meta.url))
const tsc = join(root, 'node_modules/typescript/bin/tsc')
/** Workspace packages that are not published: nothing published may need them to install or type-check. */
const unpublished = ['@triage/protocol', '@triage/engine', '@triage/server', '@triage/testing']

interface Packed {
  name: string
  version: string
  filename: string
  files: { path: string }[]
}

interface Manifest {
  name: string
  version?: string
  private?: boolean
  license?: string
  files?: string[]
  exports?: Record<string, string | Record<string, string>>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

let scratch: string
let packed: Packed[]
const tarballManifest = (name: string): Manifest => JSON.parse(readFileSync(join(scratch, 'node_modules', name, 'package.json'), 'utf8')) as Manifest

beforeAll(async () => {
  for (const workspace of ['sdk', 'widget'] as const) builtPath(workspace, 'index.js')
  scratch = mkdtempSync(join(tmpdir(), 'triage-scratch-app-'))
  const tarballs = join(scratch, 'tarballs')
  mkdirSync(tarballs)
  const { stdout } = await run('npm', ['pack', '--workspace', 'packages/sdk', '--workspace', 'packages/widget', '--pack-destination', tarballs, '--json', '--ignore-scripts'], {
    cwd: root,
  })
  packed = JSON.parse(stdout) as Packed[]

  const app = join(scratch, 'app')
  mkdirSync(app)
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'scratch-app',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(packed.map((pack) => [pack.name, `file:../tarballs/${pack.filename}`])),
    }),
  )
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], { cwd: app })
  scratch = app
}, 240_000)

afterAll(() => {
  if (scratch) rmSync(join(scratch, '..'), { recursive: true, force: true })
})

describe('the published packages', () => {
  it('hold their build, types, README and licence, and nothing of the workspace', () => {
    const files = Object.fromEntries(packed.map((pack) => [pack.name, pack.files.map((file) => file.path).sort()]))
    expect(files['@triage/sdk']).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/breadcrumbs.js',
        'dist/breadcrumbs.d.ts',
        'dist/sdk.js',
        'dist/sdk.d.ts',
      ]),
    )
    expect(files['@triage/widget']).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/widget.js', 'dist/widget-panel-en.js', 'dist/widget-panel-fr.js']),
    )
    for (const paths of Object.values(files)) {
      // No sources, tests or size-budget fixtures: what an app installs is the build.
      expect(paths.filter((path) => !/^(LICENSE|README\.md|package\.json|dist\/[\w-]+\.(js|d\.ts))$/.test(path) || /size-/.test(path))).toEqual([])
    }
  })

  it('are publishable: a version, a licence, and no dependency on a package that is not published', () => {
    const sdk = tarballManifest('@triage/sdk')
    const widget = tarballManifest('@triage/widget')
    for (const manifest of [sdk, widget]) {
      expect(manifest.private).toBeUndefined()
      expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/)
      expect(manifest.license).toBe('MIT')
      expect(readFileSync(join(scratch, 'node_modules', manifest.name, 'LICENSE'), 'utf8')).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'))
      const needed = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies }
      expect(Object.keys(needed).filter((name) => unpublished.includes(name))).toEqual([])
    }
    // They are released together: the widget needs the SDK of its own version.
    expect(widget.dependencies?.['@triage/sdk']).toBe(sdk.version)
    const installed = readdirSync(join(scratch, 'node_modules/@triage')).sort()
    expect(installed).toEqual(['sdk', 'widget'])
  })

  it('export only files they ship, each with its types (the workspace-only source condition aside)', () => {
    for (const name of ['@triage/sdk', '@triage/widget']) {
      const manifest = tarballManifest(name)
      for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
        const conditions = typeof target === 'string' ? { default: target } : target
        for (const [condition, file] of Object.entries(conditions)) {
          if (condition === '@triage/source') continue
          expect(existsSync(join(scratch, 'node_modules', name, file)), `${name} exports ${subpath} (${condition}) as ${file}`).toBe(true)
        }
        if (/\.js$/.test(String(conditions['default'])) && subpath.startsWith('./') && !/^\.\/widget/.test(subpath)) {
          expect(conditions['types'], `${name} ${subpath} has types`).toBeDefined()
        }
      }
    }
  })

  it('type-check in a strict TypeScript app, with bundler and with Node resolution', async () => {
    writeFileSync(join(scratch, 'app.ts'), appSource)
    for (const resolution of [
      { module: 'esnext', moduleResolution: 'bundler' },
      { module: 'nodenext', moduleResolution: 'nodenext' },
    ]) {
      writeFileSync(
        join(scratch, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { ...resolution, target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
          files: ['app.ts'],
        }),
      )
      // Our declarations are checked too (skipLibCheck off); a type error fails with tsc's own words.
      const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: scratch }).catch((error: { stdout: string }) => error)
      expect(result.stdout, `tsc with ${resolution.moduleResolution} resolution`).toBe('')
    }
  }, 120_000)

  it("bundle with the app's bundler, Preact and all, with nothing left unresolved", async () => {
    writeFileSync(join(scratch, 'app.ts'), appSource)
    const warnings: string[] = []
    const bundle = await rollup({
      input: join(scratch, 'app.ts'),
      plugins: [nodeResolve({ browser: true, extensions: ['.ts', '.js', '.mjs'] }), esbuild({ target: 'es2020' })],
      onwarn: (warning) => warnings.push(`${warning.code}: ${warning.message}`),
    })
    const { output } = await bundle.generate({ format: 'es' })
    await bundle.close()
    expect(warnings.filter((warning) => warning.startsWith('UNRESOLVED_IMPORT'))).toEqual([])
    // Every import was bundled: the files import only each other (the SDK's later parts are files
    // of their own, loaded on first use: following, the list of one's reports, a report's files).
    for (const file of output) if (file.type === 'chunk') expect(file.code, file.fileName).not.toMatch(/(from|import\() ?['"](?!\.\/)/)
    const later = output.map((file) => file.fileName.replace(/-[\w-]{8}\.js$/, '')).filter((name) => name !== 'app' && name !== 'app.js')
    expect(later.sort()).toEqual(['files', 'follow', 'my-reports'])
    const code = output.map((file) => (file.type === 'chunk' ? file.code : '')).join('\n')
    expect(code).toContain('triage-widget') // the widget's element
    expect(code).toContain('/v1/reports') // the SDK's client
    // Preact came with the install, from the registry, not from the workspace.
    expect(bundle.watchFiles.some((file) => file.startsWith(join(scratch, 'node_modules', 'preact')))).toBe(true)
    expect(bundle.watchFiles.filter((file) => file.startsWith(root) && !file.startsWith(scratch))).toEqual([])
  }, 60_000)

  it('import in Node from the installed package', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const sdk = await import('@triage/sdk'); const crumbs = await import('@triage/sdk/breadcrumbs'); console.log(typeof sdk.createTriage, typeof crumbs.breadcrumbs)",
      ],
      { cwd: scratch },
    )
    expect(stdout.trim()).toBe('function function')
  })
})

/** An app's use of both packages; the `@ts-expect-error` lines prove the types are real, not `any`. */
const appSource = `
import { createTriage, TriageError, type ReportView } from '@triage/sdk'
import { breadcrumbs } from '@triage/sdk/breadcrumbs'
import { createTriage as createFromOneFile } from '@triage/sdk/sdk.js'
import { mount, type WidgetHandle, type WidgetOptions } from '@triage/widget'

const options: WidgetOptions = { key: 'pk_demo', endpoint: 'https://triage.example.com', locale: 'fr', integrations: [breadcrumbs()] }
const widget: WidgetHandle = mount({ ...options, onStatusChange: (view: ReportView) => console.log(view.status) })
widget.identify({ id: 'u1', name: 'Ada', email: 'ada@example.com' })
widget.prefill({ symptoms: 'Export fails' })

const triage = createTriage({ endpoint: 'https://triage.example.com', key: 'pk_demo' })
export async function send(): Promise<string> {
  try {
    const report = await triage.report({ symptoms: 'The export button does nothing' })
    if (report.status === 'queued') return report.idempotencyKey
    report.follow((view) => console.log(view.status))
    return report.number
  } catch (error) {
    if (error instanceof TriageError) return error.code
    throw error
  }
}
export const sameClient = typeof createFromOneFile === typeof createTriage
// The widget on the app's own client.
export const onAppClient: WidgetHandle = mount({ client: triage, onOpen: () => {}, onError: (error: unknown) => console.error(error) })

// @ts-expect-error: the endpoint is required
createTriage({ key: 'pk_demo' })
// @ts-expect-error: a handle has no such method
widget.openPanel()
// @ts-expect-error: a key and an endpoint, or a client
mount({ locale: 'fr' })
`

// The browser builds: rollup.config.mjs, then the size budgets (print-sizes.mjs), then a stamp of
// what the build was made from (build-fingerprint.ts).
//   node scripts/build.ts               always builds (npm run build, npm test)
//   node scripts/build.ts --if-changed  builds only when an input or a built file differs from the stamp (npm start)
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RollupOptions } from 'rollup'
import type { BuildStamp } from './build-fingerprint.ts'
import { changesSince, currentInputs, hashFiles, inputRoots, outputRoots, readStamp, stampPath } from './build-fingerprint.ts'

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url))

/** Why a build is needed (the changed paths), or an empty list when the last build is current. */
export function staleBecause(root: string = repositoryRoot): string[] {
  const stamp = readStamp(root)
  if (!stamp) return ['no build recorded yet']
  return changesSince(stamp, currentInputs(root, stamp), hashFiles(root, outputRoots(root)))
}

/**
 * Runs every rollup build in rollup.config.mjs, checks the size budgets, and records the stamp.
 * Throws when a build or a budget fails; the stamp is then absent, so the next start builds again.
 */
export async function build(root: string = repositoryRoot): Promise<void> {
  rmSync(stampPath(root), { force: true })
  const before = hashFiles(root, inputRoots(root))
  // Imported here, so a start with nothing to build never loads rollup and its plugins.
  const { rollup } = await import('rollup')
  const { loadConfigFile } = await import('rollup/loadConfigFile')
  // silent: like `rollup -c --silent`, warnings are not printed (the config's own onwarn still runs).
  const { options } = (await loadConfigFile(join(root, 'rollup.config.mjs'), { silent: true })) as { options: RollupOptions[] }
  const read = new Set<string>()
  for (const config of options) {
    const bundle = await rollup(config)
    for (const file of bundle.watchFiles) read.add(file)
    const outputs = Array.isArray(config.output) ? config.output : config.output ? [config.output] : []
    await Promise.all(outputs.map((output) => bundle.write(output)))
    await bundle.close()
  }
  const sizes = spawnSync(process.execPath, [join(root, 'scripts/print-sizes.mjs')], { stdio: 'inherit' })
  if (sizes.status !== 0) throw new Error('the size budgets failed (see above)')

  // A source saved while the build ran may not be in what was built: leave no stamp, build again next time.
  const after = hashFiles(root, inputRoots(root))
  const changedDuring = changesSince({ version: 1, inputs: before, outputs: {} }, after, {})
  if (changedDuring.length > 0) {
    console.log(`build: ${changedDuring[0]?.slice(1)} changed while building; the next start builds again`)
    return
  }
  // A file changed after `after` was taken differs from the stamp, so the next start sees it.
  const stamp: BuildStamp = { version: 1, inputs: { ...hashFiles(root, [], [...read]), ...after }, outputs: hashFiles(root, outputRoots(root)) }
  mkdirSync(dirname(stampPath(root)), { recursive: true })
  writeFileSync(stampPath(root), JSON.stringify(stamp))
}

/** One line on whether a build is needed and why, for `npm start`. */
export function buildStatus(reasons: readonly string[], checkedMs: number): string {
  if (reasons.length === 0) return `build: up to date, nothing changed since the last build (checked in ${Math.round(checkedMs)} ms)`
  const shown = reasons.slice(0, 3).join(', ') + (reasons.length > 3 ? ` and ${reasons.length - 3} more` : '')
  return `build: building the widget and the SDK (${shown})…`
}

/** A failed build in a few lines: where (file:line:column), what, and rollup's code frame when it has one. */
export function describeBuildError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const { loc, frame } = error as Error & { loc?: { file?: string; line: number; column: number }; frame?: string }
  const where = loc?.file ? `${loc.file}:${loc.line}:${loc.column}: ` : ''
  return [`${where}${error.message}`, frame].filter(Boolean).join('\n')
}

if (import.meta.filename === process.argv[1]) {
  try {
    const checking = performance.now()
    const reasons = process.argv.includes('--if-changed') ? staleBecause() : ['asked to']
    if (process.argv.includes('--if-changed')) console.log(buildStatus(reasons, performance.now() - checking))
    if (reasons.length > 0) await build()
  } catch (error) {
    console.error(`build failed: ${describeBuildError(error)}`)
    process.exitCode = 1
  }
}

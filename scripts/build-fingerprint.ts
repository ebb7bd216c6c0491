// What a build was made from, so `npm start` rebuilds only when that changed (issue #14: a second
// start with no source change is up in seconds). Content hashes, not modification times: a checkout,
// a copy or an editor's save-without-change must not force a build, and a change must never be missed.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'

/**
 * Everything the build reads besides rollup's own module graph: the browser packages' sources
 * (all files, so a new file counts), the widget's list of names to shorten (`mangle.json`), the
 * build scripts and configuration, and every package.json and the lockfile (exports, size budgets,
 * dependency versions).
 */
export function inputRoots(root: string): string[] {
  const workspaces = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces
  return [
    'packages/protocol/src',
    'packages/sdk/src',
    'packages/widget/src',
    'packages/console/src',
    'packages/widget/mangle.json',
    'scripts',
    'rollup.config.mjs',
    'tsconfig.json',
    'package.json',
    'package-lock.json',
    ...workspaces.map((workspace) => `${workspace}/package.json`),
  ]
}

/** Where the built files go: each workspace's `dist`. */
export function outputRoots(root: string): string[] {
  const workspaces = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces
  return workspaces.map((workspace) => `${workspace}/dist`)
}

/** Path (relative to the repository, `/`-separated) → SHA-256 of the content. */
export type FileHashes = Record<string, string>

/** What the last successful build was made from and what it made. */
export interface BuildStamp {
  version: 1
  /** Every input: the files under `inputRoots`, and each file rollup read (node_modules included). */
  inputs: FileHashes
  outputs: FileHashes
}

/** Where the stamp lives: inside node_modules, so a fresh install (new dependencies) always builds once. */
export const stampPath = (root: string) => join(root, 'node_modules/.cache/triage/build-stamp.json')

/**
 * Hashes every file under `paths` (folders recursively; missing paths are skipped) and the `files`.
 *
 * @param root the repository; keys are relative to it (absolute when outside it)
 */
export function hashFiles(root: string, paths: readonly string[], files: readonly string[] = []): FileHashes {
  const hashes: FileHashes = {}
  const add = (path: string) => {
    const key = toKey(root, path)
    if (!(key in hashes)) hashes[key] = createHash('sha256').update(readFileSync(path)).digest('hex')
  }
  for (const path of paths) {
    const full = join(root, path)
    if (!existsSync(full)) continue
    if (!statSync(full).isDirectory()) add(full)
    else
      for (const name of readdirSync(full, { recursive: true, encoding: 'utf8' })) {
        const file = join(full, name)
        if (statSync(file).isFile()) add(file)
      }
  }
  for (const file of files) if (existsSync(file) && statSync(file).isFile()) add(file)
  return hashes
}

/** The repository-relative key of a path, `/`-separated; a path outside the repository stays absolute. */
function toKey(root: string, path: string): string {
  const inside = relative(root, path)
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside.split(sep).join('/')
}

/** The absolute path of a key. */
export const fromKey = (root: string, key: string) => (isAbsolute(key) ? key : join(root, key))

/**
 * The differences between what the stamp recorded and what is there now, as paths (`+` added,
 * `-` removed, `~` changed); empty when the last build is current.
 */
export function changesSince(stamp: BuildStamp, inputs: FileHashes, outputs: FileHashes): string[] {
  const changes: string[] = []
  for (const [recorded, now, what] of [
    [stamp.inputs, inputs, 'input'],
    [stamp.outputs, outputs, 'output'],
  ] as const) {
    for (const [path, hash] of Object.entries(now)) {
      if (!(path in recorded)) changes.push(`+${path}`)
      else if (recorded[path] !== hash) changes.push(`~${path}`)
    }
    for (const path of Object.keys(recorded)) if (!(path in now)) changes.push(`-${path}${what === 'output' ? ' (built file)' : ''}`)
  }
  return changes
}

/** The inputs as they are now: the roots, plus the files the stamp says rollup read last time. */
export function currentInputs(root: string, stamp: BuildStamp | undefined): FileHashes {
  return hashFiles(
    root,
    inputRoots(root),
    Object.keys(stamp?.inputs ?? {}).map((key) => fromKey(root, key)),
  )
}

export function readStamp(root: string): BuildStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampPath(root), 'utf8')) as BuildStamp
    return stamp.version === 1 ? stamp : undefined
  } catch {
    return undefined
  }
}

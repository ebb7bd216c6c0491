/**
 * The import graph of the workspace's sources (`packages/<name>/src`), read from the files' own import
 * statements: what `scripts/architecture.test.ts` holds the layers to. Relative imports resolve to
 * files; `@triage/<package>` imports resolve to that package's `src/index.ts`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../', import.meta.url))

export interface ImportEdge {
  from: string
  to: string
  /** `import type` (erased: a cycle through it costs nothing at run time, but still tangles the design). */
  typeOnly: boolean
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

const importPattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm
const dynamicImport = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every source file of `packages/<name>/src`, repository-relative, and the imports between them. */
export function importGraph(): { files: string[]; edges: ImportEdge[] } {
  const packages = readdirSync(join(repoRoot, 'packages')).filter((name) => statSync(join(repoRoot, 'packages', name, 'src'), { throwIfNoEntry: false })?.isDirectory())
  const files = packages.flatMap((name) => sourceFiles(join(repoRoot, 'packages', name, 'src'))).map((path) => relative(repoRoot, path))
  const known = new Set(files)
  const edges: ImportEdge[] = []
  for (const file of files) {
    const text = readFileSync(join(repoRoot, file), 'utf8')
    const targets: { specifier: string; typeOnly: boolean }[] = []
    for (const match of text.matchAll(importPattern)) targets.push({ specifier: match[2] ?? '', typeOnly: Boolean(match[1]) })
    for (const match of text.matchAll(dynamicImport)) targets.push({ specifier: match[1] ?? '', typeOnly: false })
    for (const { specifier, typeOnly } of targets) {
      let to: string | undefined
      if (specifier.startsWith('.')) to = relative(repoRoot, resolve(repoRoot, dirname(file), specifier))
      else if (specifier.startsWith('@triage/')) {
        const [name, ...subpath] = specifier.slice('@triage/'.length).split('/')
        to = subpath.length === 0 ? `packages/${name}/src/index.ts` : `packages/${name}/src/${subpath.join('/')}.ts`
      }
      if (to && known.has(to)) edges.push({ from: file, to, typeOnly })
    }
  }
  return { files, edges }
}

/** The cycles of a graph (strongly connected components of more than one file, or a file importing itself). */
export function cyclesOf(files: string[], edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((file) => [file, []]))
  for (const edge of edges) next.get(edge.from)?.push(edge.to)
  // Tarjan's algorithm.
  let index = 0
  const indices = new Map<string, number>()
  const lowlinks = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const visit = (file: string) => {
    indices.set(file, index)
    lowlinks.set(file, index)
    index++
    stack.push(file)
    onStack.add(file)
    for (const to of next.get(file) ?? []) {
      if (!indices.has(to)) {
        visit(to)
        lowlinks.set(file, Math.min(lowlinks.get(file) ?? 0, lowlinks.get(to) ?? 0))
      } else if (onStack.has(to)) lowlinks.set(file, Math.min(lowlinks.get(file) ?? 0, indices.get(to) ?? 0))
    }
    if (lowlinks.get(file) === indices.get(file)) {
      const component: string[] = []
      let member: string | undefined
      do {
        member = stack.pop()
        if (member === undefined) break
        onStack.delete(member)
        component.push(member)
      } while (member !== file)
      if (component.length > 1 || (next.get(file) ?? []).includes(file)) components.push(component.sort())
    }
  }
  for (const file of files) if (!indices.has(file)) visit(file)
  return components
}

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The packages whose `dist/` the build makes. */
export type BuiltPackage = 'sdk' | 'widget'

/**
 * The path of a built file, for tests that read what ships rather than the sources. Throws with
 * what to do when it is missing: the build comes first (`npm test` runs it).
 * @example
 * const path = builtPath('widget', 'widget.js')
 */
export function builtPath(workspace: BuiltPackage, file: string): string {
  // From the folder, not `import.meta.url`: under happy-dom that URL is http://localhost:3000/….
  const path = join(import.meta.dirname, '../..', workspace, 'dist', file)
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first (npm test does).`)
  return path
}

/**
 * The text of a built file (see {@link builtPath}).
 * @example
 * const loader = built('widget', 'widget.js')
 */
export const built = (workspace: BuiltPackage, file: string): string => readFileSync(builtPath(workspace, file), 'utf8')

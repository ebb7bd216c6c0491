// The ESM build as a bundler sees it: dist/index.js (run `npm run build` first; `npm test` does).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { built } from '@triage/testing/built'

describe('the ESM build', () => {
  it("leaves the host app's Preact alone: no hooks, no option patches, only signals' core", () => {
    const imports = [...built('widget', 'index.js').matchAll(/^import \{([^}]*)\} from '([^']+)'/gm)].map(([, names, from]) => ({
      from,
      names: (names ?? '').split(',').map((name) => name.trim().split(' ')[0]),
    }))
    expect(imports.map(({ from }) => from).sort()).toEqual(['@preact/signals-core', '@triage/sdk', 'preact'])
    // `options` is how a library hooks into every render of the app's Preact; the widget needs none.
    expect(imports.find(({ from }) => from === 'preact')?.names).not.toContain('options')
    const declared = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as { dependencies: Record<string, string> }
    for (const { from } of imports) expect(Object.keys(declared.dependencies)).toContain(from)
  })
})

// The sizes the README quotes are the budgets the build enforces and the sizes it built (run
// `npm run build` first; `npm test` does): a change that moves them must say so there too.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { builtPath } from '@triage/testing/built'

const root = join(import.meta.dirname, '..')
const budgets = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { triage: { sizeBudgetGzip: Record<string, number> } }).triage.sizeBudgetGzip
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const sizeSection = readme.slice(readme.indexOf('## Size'))
const bytes = (n: number) => `${n.toLocaleString('en-US')} B`

describe('the README’s Size section', () => {
  it.each(Object.entries(budgets))('names %s with its budget and its built size', (file, budget) => {
    const path = builtPath('widget', file.replace(/^dist\//, ''))
    expect(sizeSection).toContain(`\`${file}\``)
    expect(sizeSection.includes(bytes(budget)) || sizeSection.includes(`${budget / 1024} KB`), `the budget of ${file}`).toBe(true)
    // Gzip at level 9, as scripts/print-sizes.mjs measures it.
    expect(sizeSection, `the built size of ${file}`).toContain(bytes(gzipSync(readFileSync(path), { level: 9 }).length))
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The sizes the README promises are the budgets the build enforces.
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')
const budgets = (JSON.parse(read('../package.json')) as { triage: { sizeBudgetGzip: Record<string, number> } }).triage.sizeBudgetGzip
const readme = read('../README.md')

describe('README sizes', () => {
  it.each(Object.entries(budgets))('quotes the budget of %s', (file, bytes) => {
    const row = readme.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${file}\``))
    expect(row, `a row of the sizes table names ${file}`).toBeDefined()
    expect(row).toMatch(new RegExp(`\\| ${bytes / 1024} KB \\|$`))
  })
})

// Prints the raw and gzip size of every built .js file and fails when one exceeds its budget.
// Budgets live in each package's package.json: "triage": { "sizeBudgetGzip": { "dist/x.js": bytes } }.
// An app made of several files (the console) has a budget for its first screen instead,
// "triage": { "firstScreenBudgetGzip": bytes }: the sum of the files its build lists in
// dist/first-screen.json (the page, the stylesheet, the entry and what it imports statically).
// Gzip at level 9, as CDNs serve it; budgets are what the reporter's browser downloads.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'))

const rows = []
const failures = []
for (const workspace of readJson('package.json').workspaces) {
  const settings = readJson(join(workspace, 'package.json')).triage ?? {}
  const budgets = settings.sizeBudgetGzip ?? {}
  const dist = join(root, workspace, 'dist')
  const built = existsSync(dist)
    ? readdirSync(dist)
        .filter((name) => /\.(js|css)$/.test(name))
        .map((name) => `dist/${name}`)
    : []
  for (const file of [...new Set([...built, ...Object.keys(budgets)])].sort()) {
    const path = join(workspace, file)
    const budget = budgets[file]
    if (!existsSync(join(root, path))) {
      failures.push(`${path} has a budget but was not built`)
      continue
    }
    const bytes = readFileSync(join(root, path))
    const gzip = gzipSync(bytes, { level: 9 }).length
    const over = budget !== undefined && gzip > budget
    if (over) failures.push(`${path} is ${gzip} B gzip, over its budget of ${budget} B by ${gzip - budget} B`)
    const verdict = budget === undefined ? '' : `${over ? 'OVER' : 'ok'} ${Math.round((gzip / budget) * 100)} %`
    rows.push([path, bytes.length, gzip, budget ?? '-', verdict])
  }
  if (settings.firstScreenBudgetGzip !== undefined) checkFirstScreen(workspace, settings.firstScreenBudgetGzip)
}

/** The first screen's files, added up, against their budget. */
function checkFirstScreen(workspace, budget) {
  const manifest = join(workspace, 'dist/first-screen.json')
  if (!existsSync(join(root, manifest))) return void failures.push(`${manifest} was not built, so the first screen cannot be measured`)
  let raw = 0
  let gzip = 0
  for (const file of readJson(manifest).files) {
    const bytes = readFileSync(join(root, workspace, 'dist', file))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  const over = gzip > budget
  if (over) failures.push(`${workspace}'s first screen is ${gzip} B gzip, over its budget of ${budget} B by ${gzip - budget} B`)
  rows.push([`${workspace} first screen (${readJson(manifest).files.length} files)`, raw, gzip, budget, `${over ? 'OVER' : 'ok'} ${Math.round((gzip / budget) * 100)} %`])
}

const table = [['file', 'raw B', 'gzip B', 'budget B', ''], ...rows].map((row) => row.map(String))
const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)))
for (const row of table) {
  console.log(
    row
      .map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd(),
  )
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`size budget: ${failure}`)
  process.exitCode = 1
}

/**
 * `npm run bench:console [-- --incidents N --runs R]`: how fast the agents' console opens on a long
 * history, in real Chromium, beside the API reads it waits on.
 *
 * 1. Seeds N incidents (default 100,000; the issue's figure is 1,000,000, about 4 minutes to seed)
 *    into a fresh libSQL file with bench/scale/seed.ts, and starts the server as `npm start` does,
 *    with its demo admin agent.
 * 2. Signs in once, then loads the console R times (default 15) for each of the queue's first
 *    screens: all tickets (newest first), Unassigned, Breached. For each load: first contentful paint
 *    (the browser's `paint` entry), the first rows on screen (the console's `triage:queue-rendered`
 *    mark), and time to interactive: the later of the rows and the end of the last long task
 *    (over 50 ms) before the page went quiet for 500 ms.
 * 3. The same reads from Node, with the session cookie, one at a time: the list page, the counts.
 *
 * Prints medians and ranges (ms). Needs `npm run build` first (it serves the built console).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { seedHistory } from './scale/seed.ts'
import { startBenchServer } from './scale/server.ts'

const { values } = parseArgs({
  options: {
    incidents: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
  },
})
const incidents = Number(String(values.incidents).replace(/[_,]/g, ''))
const runs = Math.max(3, Number(values.runs))
if (!Number.isInteger(incidents) || incidents < 1) throw new Error(`--incidents takes a whole number, not ${values.incidents}`)

const folder = mkdtempSync(join(tmpdir(), 'triage-console-bench-'))
const databaseUrl = `file:${join(folder, 'console.db')}`
const publishableKey = 'pk_benchconsole0000000000000000'
const secretKey = 'sk_benchconsole000000000000000000'
const agent = { email: 'bench@example.com', password: 'bench-console-password' }

const median = (numbers: number[]) => {
  const sorted = numbers.slice().sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
const line = (label: string, numbers: number[]) =>
  `  ${label.padEnd(40)} ${median(numbers).toFixed(0).padStart(6)}   (${Math.min(...numbers).toFixed(0)}–${Math.max(...numbers).toFixed(0)})`

console.log(`bench:console — ${incidents.toLocaleString('en-US')} incidents, ${runs} loads per screen`)
const seeded = await seedHistory({ databaseUrl, incidents, publishableKey, secretKey, now: Date.now(), log: (text) => console.log(text) })
console.log(`seeded in ${(seeded.ms / 1000).toFixed(1)} s`)
const server = await startBenchServer({
  databaseUrl,
  publishableKey,
  secretKey,
  eventLoopFile: join(folder, 'event-loop.json'),
  env: { TRIAGE_DEMO_AGENT_EMAIL: agent.email, TRIAGE_DEMO_AGENT_PASSWORD: agent.password },
})
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const signIn = await context.request.post(`${server.url}/v1/auth/sign-in`, { data: agent, headers: { origin: server.url } })
  if (!signIn.ok()) throw new Error(`signing in the demo agent answered ${signIn.status()}: ${await signIn.text()}`)
  const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ')

  const screens = [
    ['all tickets', ''],
    ['unassigned', '?view=unassigned'],
    ['breached', '?view=breached'],
  ] as const
  for (const [name, search] of screens) {
    const paint: number[] = []
    const rows: number[] = []
    const interactive: number[] = []
    for (let run = 0; run < runs; run++) {
      const page = await context.newPage()
      await page.addInitScript(() => {
        const tasks: number[] = []
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.startTime + entry.duration)
        }).observe({ type: 'longtask', buffered: true })
        ;(window as unknown as { longTaskEnds: number[] }).longTaskEnds = tasks
      })
      await page.goto(`${server.url}/console${search}`)
      await page.waitForFunction(() => performance.getEntriesByName('triage:queue-rendered').length > 0 || document.querySelector('.empty') !== null, undefined, {
        timeout: 120_000,
      })
      await page.waitForTimeout(500)
      const figures = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
        const shown = performance.getEntriesByName('triage:queue-rendered')[0]?.startTime ?? performance.now() - 500
        const lastTask = Math.max(0, ...(window as unknown as { longTaskEnds: number[] }).longTaskEnds)
        return { fcp, shown, tti: Math.max(shown, lastTask) }
      })
      paint.push(figures.fcp)
      rows.push(figures.shown)
      interactive.push(figures.tti)
      await page.close()
    }
    // The API reads this screen waits on, from Node with the same session.
    const list: number[] = []
    const counts: number[] = []
    for (let run = 0; run < runs; run++) {
      for (const [path, into] of [
        [`/v1/incidents${search ? `${search}&` : '?'}limit=50`, list],
        ['/v1/incidents/counts', counts],
      ] as const) {
        const started = performance.now()
        const response = await fetch(`${server.url}${path}`, { headers: { cookie } })
        await response.arrayBuffer()
        if (!response.ok) throw new Error(`${path} answered ${response.status}`)
        into.push(performance.now() - started)
      }
    }
    console.log(`\n${name} (median ms, min–max)`)
    console.log(line('first contentful paint', paint))
    console.log(line('first rows on screen', rows))
    console.log(line('time to interactive', interactive))
    console.log(line('API: GET /v1/incidents (50 rows)', list))
    console.log(line('API: GET /v1/incidents/counts', counts))
  }
} finally {
  await browser.close()
  await server.stop()
  if (!values.keep) rmSync(folder, { recursive: true, force: true })
  else console.log(`database kept in ${folder}`)
}

// What the widget costs the host page's main thread, in real Chromium, from a Chrome trace:
//   npm run build && npm run bench:widget
// Loads the example page (the real server, the built widget.js) RUNS times and reports medians of:
// - loader: evaluating widget.js (it draws the launcher at once);
// - panel: evaluating widget-panel-<locale>.js, which the loader fetches when the browser is idle;
// - first open: the click task that renders the dialog the first time;
// - longest task: the longest main-thread task from navigation to the open dialog, page included.
import { chromium } from 'playwright-core'
import { startEphemeralServer } from '@triage/testing/ephemeral-server'
import { en } from '../packages/widget/src/i18n/en.ts'

const runs = Number(process.env['RUNS'] ?? 15)

interface TraceEvent {
  name: string
  ph: string
  dur?: number
  tid: number
  pid: number
  args?: { data?: { url?: string; type?: string } }
}

const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const server = await startEphemeralServer({ rateLimitPerMinute: 100_000 })
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
const figures = { loader: [] as number[], panel: [] as number[], firstOpen: [] as number[], longestTask: [] as number[] }
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ locale: 'en-US' })
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] })
    await page.goto(`${server.url}/`)
    // The panel script arrives on idle: wait for it before opening, so the click measures the render alone.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('widget-panel-')))
    await page.waitForTimeout(200)
    await page.getByRole('button', { name: en.launcher }).click()
    await page.getByRole('dialog').getByLabel(en.symptomsLabel).waitFor()
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }
    const events = trace.traceEvents
    const evaluation = (file: string) =>
      events.filter((event) => event.name === 'EvaluateScript' && event.args?.data?.url?.includes(file)).reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1_000
    const rendererMain = events.find((event) => event.name === 'EvaluateScript' && event.args?.data?.url?.includes('widget.js'))
    const tasks = events.filter((event) => event.name === 'RunTask' && event.ph === 'X' && event.pid === rendererMain?.pid && event.tid === rendererMain?.tid)
    const clicks = events.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'click')
    figures.loader.push(evaluation('/widget.js'))
    figures.panel.push(evaluation('/widget-panel-'))
    figures.firstOpen.push(clicks.reduce((longest, event) => Math.max(longest, (event.dur ?? 0) / 1_000), 0))
    figures.longestTask.push(tasks.reduce((longest, event) => Math.max(longest, (event.dur ?? 0) / 1_000), 0))
    await page.close()
  }
} finally {
  await browser.close()
  await server.stop()
}

const rows = [
  ['loader (widget.js) evaluation', figures.loader],
  ['panel evaluation, on idle', figures.panel],
  ['first open (click → dialog)', figures.firstOpen],
  ['longest main-thread task', figures.longestTask],
] as const
console.log(`widget start-up on the main thread, Chromium, ${runs} page loads (median ms, min–max):`)
for (const [label, values] of rows) {
  console.log(`  ${label.padEnd(32)} ${median(values).toFixed(2).padStart(6)}   (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`)
}

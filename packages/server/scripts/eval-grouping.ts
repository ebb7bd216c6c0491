// Scores major-incident grouping through the real server over HTTP:
//   npm run eval:grouping -- --data ../shared/data/outages/dev.json
//   npm run eval:grouping -- --data FILE --orders 10 --seconds 60
// FILE is JSON: { "scenarios": [[report, …], …], "background": [report, …] }, a scenario being one
// outage told several ways. Each order sends every report once, interleaved (a seeded shuffle), to a
// fresh server on a temporary libSQL file, `--seconds` apart in all (the server's clock is set, so
// "within a minute" holds however slow the machine), then reads which major incident each report
// was grouped under with the secret key. The last line printed is one JSON object: pairwise and
// B-cubed precision and recall over all orders, the worst order, and the server's time per report.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Incident, ReportCreated } from '@triage/protocol'
import { startEphemeralServer } from '@triage/testing/ephemeral-server'
import type { GroupedReport } from './grouping-metrics.ts'
import { bcubedScores, pairScores } from './grouping-metrics.ts'

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: 'packages/engine/test/fixtures/outages.json' },
    orders: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '60' },
  },
})

interface OutageSet {
  scenarios: string[][]
  background: string[]
}

const data = JSON.parse(readFileSync(args.data, 'utf8')) as Partial<OutageSet>
if (!Array.isArray(data.scenarios) || !Array.isArray(data.background)) {
  console.error(`${args.data} is not an outage set: expected { "scenarios": [[…], …], "background": […] }`)
  process.exit(2)
}
const orders = Number(args.orders)
const seconds = Number(args.seconds)
if (!(orders >= 1 && Number.isInteger(orders)) || !(seconds >= 0)) {
  console.error('Usage: npm run eval:grouping -- --data FILE [--orders 5] [--seconds 60]')
  process.exit(2)
}

const reports = [
  ...data.scenarios.flatMap((texts, scenario) => texts.map((text) => ({ text, truth: `outage ${scenario + 1}` as string | null }))),
  ...data.background.map((text) => ({ text, truth: null as string | null })),
]

/** A seeded shuffle (mulberry32), so an order can be sent again. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

const all: GroupedReport[][] = []
let totalMs = 0
for (let order = 1; order <= orders; order++) {
  let clock = Date.parse('2026-12-01T09:00:00Z')
  const server = await startEphemeralServer({ now: () => clock, rateLimitPerMinute: 0 })
  try {
    const sent: { id: string; truth: string | null }[] = []
    const sequence = shuffled(reports, order)
    const started = performance.now()
    for (const [index, report] of sequence.entries()) {
      clock = Date.parse('2026-12-01T09:00:00Z') + Math.round((index * seconds * 1000) / sequence.length)
      const response = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-triage-key': server.publishableKey },
        body: JSON.stringify({ symptoms: report.text }),
      })
      if (response.status !== 201) throw new Error(`POST /v1/reports answered ${response.status}: ${await response.text()}`)
      sent.push({ id: ((await response.json()) as ReportCreated).id, truth: report.truth })
    }
    totalMs += performance.now() - started
    const grouped: GroupedReport[] = []
    for (const { id, truth } of sent) {
      const incident = (await (await fetch(`${server.url}/v1/incidents/${id}`, { headers: { authorization: `Bearer ${server.secretKey}` } })).json()) as Incident
      grouped.push({ truth, predicted: incident.parentId })
    }
    all.push(grouped)
    const scores = pairScores(grouped)
    const majors = new Set(grouped.map((report) => report.predicted).filter((id) => id !== null)).size
    console.log(`order ${order}: pairwise precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}; ${majors} major incidents`)
  } finally {
    await server.stop()
  }
}

// Pairs and reports of every order counted together: one figure for the whole run.
const pooled = all.flatMap((grouped, order) =>
  grouped.map((report) => ({ truth: report.truth && `${order}:${report.truth}`, predicted: report.predicted && `${order}:${report.predicted}` })),
)
const worst = all.map((grouped) => pairScores(grouped)).sort((a, b) => a.f1 - b.f1)[0]
console.log(
  `${reports.length} reports (${data.scenarios.length} outages, ${data.background.length} background), ${orders} interleaved orders, each within ${seconds} s, through the server over HTTP (${args.data})`,
)
console.log(
  JSON.stringify({
    pairwise: pairScores(pooled),
    bcubed: bcubedScores(pooled),
    worstOrder: worst && { precision: worst.precision, recall: worst.recall },
    msPerReport: Math.round((totalMs / (orders * reports.length)) * 100) / 100,
  }),
)

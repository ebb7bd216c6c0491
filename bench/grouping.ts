// Major-incident grouping, one report at a time, as the server feeds it: `plan` decides (and
// counts the report at once); a decision that opens a major incident folds the major and its
// members back in, as the server does once they are written. Reports arrive every `gapMs` (default
// 20 ms: 50 a second), so the 10-minute window fills up to 30,000 open reports: diverse synthetic
// reports in English and French, one in ten of them part of an outage told many ways. Prints the
// cost per report as the window fills, which is what matters: it must not grow with the window.
// Run: `npm run bench:grouping` or `node bench/grouping.ts [reports] [gapMs]`.
import { availableParallelism, loadavg } from 'node:os'
import { createGroupCandidates } from '../packages/engine/src/grouping/index.ts'
import { prng, report } from './synthetic-reports.ts'

const reportCount = Number(process.argv[2] ?? 30_000)
const gapMs = Number(process.argv[3] ?? 20)
const windowMs = 10 * 60_000

const outage = [
  'Login is stuck loading, I cannot sign in',
  'Impossible de me connecter, la page de connexion tourne en boucle',
  'Sign-in page never finishes loading',
  'The login button just spins forever',
  'Connexion impossible, ça charge sans fin',
  "Can't log in, the spinner keeps going",
]

const random = prng(11)
const texts = Array.from({ length: reportCount }, (_, i) => (i % 10 === 0 ? `${outage[(i / 10) % outage.length]} (${i})` : report(random)))
const categories = ['access', 'bug', 'performance', 'billing', 'connectivity']
const start = Date.parse('2026-12-01T09:00:00Z')

function run(): { perReport: number[]; majors: number; clusters: number } {
  const candidates = createGroupCandidates({ windowMs })
  const perReport: number[] = []
  let majors = 0
  for (const [i, text] of texts.entries()) {
    const at = start + i * gapMs
    const category = categories[i % categories.length] as string
    const began = performance.now()
    const decision = candidates.plan({ id: `r${i}`, text, createdAt: at, category })
    if (decision.group && decision.parentId === null) {
      const majorId = `m${i}`
      candidates.update({ id: majorId, symptoms: `Major incident: ${decision.summary}`, status: 'new', category, parentId: null, isMajor: true, createdAt: at }, at)
      for (const id of decision.memberIds)
        candidates.update({ id, symptoms: texts[Number(id.slice(1))] as string, status: 'new', category, parentId: majorId, isMajor: false, createdAt: at }, at)
      majors++
    }
    // The server prunes at each sync of storage, at most every 250 ms.
    if (i % Math.max(1, Math.round(250 / gapMs)) === 0) candidates.prune(at)
    perReport.push(performance.now() - began)
  }
  return { perReport, majors, clusters: candidates.size }
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
}
const micros = (ms: number) => `${(ms * 1000).toFixed(1)} µs`

run() // warm-up: let the JIT compile the hot paths
const cpuBefore = process.cpuUsage()
const { perReport, majors, clusters } = run()
const cpu = process.cpuUsage(cpuBefore)
const windowReports = Math.min(reportCount, Math.floor(windowMs / gapMs))
console.log(
  `grouping: ${reportCount.toLocaleString('en')} reports, one every ${gapMs} ms (window of 10 min: up to ${windowReports.toLocaleString('en')} open reports) (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs)`,
)
const batch = Math.max(1, Math.floor(reportCount / 6))
for (let from = 0; from < reportCount; from += batch) {
  const slice = perReport.slice(from, from + batch)
  console.log(`reports ${String(from).padStart(6)}–${String(from + slice.length).padEnd(6)} median ${micros(quantile(slice, 0.5))} · p99 ${micros(quantile(slice, 0.99))}`)
}
console.log(
  `all        median ${micros(quantile(perReport, 0.5))} · p99 ${micros(quantile(perReport, 0.99))} · mean ${micros(perReport.reduce((a, b) => a + b, 0) / perReport.length)} per report`,
)
// CPU time moves less than wall time on a shared machine: compare it first.
console.log(`cpu        ${((cpu.user + cpu.system) / reportCount).toFixed(1)} µs per report (user + system, the whole run)`)
console.log(`window     ${clusters.toLocaleString('en')} clusters held at the end; ${majors} major incidents opened`)

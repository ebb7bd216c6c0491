/**
 * `node bench/scale-table.ts A.json B.json …`: the README's table of `npm run bench:scale` runs side
 * by side (one column per run, e.g. 10k, 100k and 1M incidents), so the figures in the README are
 * copied from results, never typed. Times in ms; p95 for reads, p99 where the goal says p99.
 */
import { readFileSync } from 'node:fs'

interface Percentiles {
  p50: number
  p95: number
  p99: number
}
interface ScaleResults {
  incidents: number
  seedSeconds: number
  routes: Record<string, Percentiles>
  eventLoop: { readMix: { maxMs: number; p99Ms: number }; intakeWithReads: { maxMs: number; p99Ms: number } }
  rss: { afterStartup?: number; afterReads?: number }
  startupMs: number
  intake: { alone: { reportsPerSecond: number; p99: number }; withAgentReads: { reportsPerSecond: number; p99: number }; p99Ratio: number }
  spike: { reports: number; seconds: number; p99: number; errors: number; majorIncidents: number; ungrouped: number }
  followers: { count: number; idleCpuPercent: number | null; fanoutP99Ms: number | null; lagP99Ms?: number | null; resolveCallMs: number }
  machine?: { loadAverage?: number[] }
}

const runs = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')) as ScaleResults)
if (runs.length === 0) {
  console.error('usage: node bench/scale-table.ts results-10k.json results-100k.json …')
  process.exit(2)
}

// The searched words are drawn from each run's own history: `q=please (common)` is `q=… (common)`.
const label = (route: string) => route.replace(/^q=\S+ /, 'q=… ')
const routeOf = (run: ScaleResults, route: string) => Object.entries(run.routes).find(([name]) => label(name) === label(route))?.[1]
const compact = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1_000 ? `${n / 1_000}k` : String(n))
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10))
const lines: [string, (run: ScaleResults) => string][] = [
  ['seeding the history (s)', (run) => String(run.seedSeconds)],
  ['startup (ms) / RSS after startup, after the read mix (MB)', (run) => `${Math.round(run.startupMs)} / ${run.rss.afterStartup ?? '—'}, ${run.rss.afterReads ?? '—'}`],
  ...Object.keys(runs[0]?.routes ?? {}).map((route): [string, (run: ScaleResults) => string] => [`${label(route)}: p95`, (run) => ms(routeOf(run, route)?.p95)]),
  ['event loop during the read mix: max / p99', (run) => `${ms(run.eventLoop.readMix.maxMs)} / ${ms(run.eventLoop.readMix.p99Ms)}`],
  ['intake alone: reports/s, p99', (run) => `${run.intake.alone.reportsPerSecond}, ${ms(run.intake.alone.p99)}`],
  [
    'intake with an agent reading: reports/s, p99 (p99 ratio)',
    (run) => `${run.intake.withAgentReads.reportsPerSecond}, ${ms(run.intake.withAgentReads.p99)} (${run.intake.p99Ratio})`,
  ],
  ['event loop during intake with reads: max / p99', (run) => `${ms(run.eventLoop.intakeWithReads.maxMs)} / ${ms(run.eventLoop.intakeWithReads.p99Ms)}`],
  [
    'spike: reports in s, p99, errors, majors (+ ungrouped)',
    (run) => `${run.spike.reports} in ${run.spike.seconds}, ${ms(run.spike.p99)}, ${run.spike.errors}, ${run.spike.majorIncidents} (+${run.spike.ungrouped})`,
  ],
  ['followers: open, idle server CPU %', (run) => `${run.followers.count}, ${run.followers.idleCpuPercent ?? '—'}`],
  [
    'resolving the majors: write (ms), every follower told p99, lag p99',
    (run) => `${ms(run.followers.resolveCallMs)}, ${ms(run.followers.fanoutP99Ms)}, ${ms(run.followers.lagP99Ms)}`,
  ],
  ['load average during the run (1 / 5 / 15 min)', (run) => run.machine?.loadAverage?.join(' / ') ?? '—'],
]

console.log(`| figure (ms unless said) | ${runs.map((run) => compact(run.incidents)).join(' | ')} |`)
console.log(`| --- | ${runs.map(() => '---:').join(' | ')} |`)
for (const [name, value] of lines) console.log(`| ${name} | ${runs.map(value).join(' | ')} |`)

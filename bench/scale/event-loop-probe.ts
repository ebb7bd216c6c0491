/**
 * Loaded into the server process with `node --import` by `npm run bench:scale`: measures how long
 * the event loop was held (perf_hooks.monitorEventLoopDelay), without a line of server code.
 * On SIGUSR2 it writes `{ maxMs, p99Ms, meanMs }` since the last report to BENCH_EVENT_LOOP_FILE
 * and starts over, so the bench can measure one phase at a time.
 */
import { writeFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

const file = process.env['BENCH_EVENT_LOOP_FILE']
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  const ms = (ns: number) => Math.round(ns / 10_000) / 100
  process.on('SIGUSR2', () => {
    writeFileSync(file, JSON.stringify({ at: process.hrtime.bigint().toString(), maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), meanMs: ms(histogram.mean) }))
    histogram.reset()
  })
}

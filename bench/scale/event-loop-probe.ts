/**
 * Loaded into the server process with `node --import` by `npm run bench:scale`: measures how long
 * the event loop was held (perf_hooks.monitorEventLoopDelay), without a line of server code.
 * On SIGUSR2 it writes `{ maxMs, p99Ms, meanMs }` since the last report to BENCH_EVENT_LOOP_FILE
 * and starts over, so the bench can measure one phase at a time.
 */
import { writeFileSync } from 'node:fs'
import { Server } from 'node:net'
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
  // The server's own startup, from its process's start to its first listening socket, in this
  // process's clock: the bench's wall time from spawn to the banner also counts the bench process
  // itself (a major GC of the seed's heap held it up to 5 s right after seeding 1M incidents).
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean
  let listened = false
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'listening' && !listened) {
      listened = true
      writeFileSync(`${file}.startup`, String(Math.round(performance.now())))
    }
    return emit.call(this, event, ...args)
  } as typeof Server.prototype.emit
}

/** The real Node server in a child process, as `npm start` runs it, with the bench's probes. */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync, existsSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

const serverEntry = process.env['BENCH_SERVER'] ?? fileURLToPath(new URL('../../packages/server/src/node.ts', import.meta.url))
const probe = fileURLToPath(new URL('./event-loop-probe.ts', import.meta.url))

export interface BenchServer {
  url: string
  child: ChildProcess
  /** From the server process's start to its first listening socket, in ms (its own clock). */
  startupMs: number
  /** Resident memory now, in MB (Linux). */
  rssMb: () => number | undefined
  /** CPU time used so far, in ms (Linux). */
  cpuMs: () => number | undefined
  /** The event loop's delay since the last call: max, p99 and mean in ms. */
  eventLoop: () => Promise<{ maxMs: number; p99Ms: number; meanMs: number }>
  stop: () => Promise<void>
}

export async function startBenchServer(options: {
  databaseUrl: string
  publishableKey: string
  secretKey: string
  eventLoopFile: string
  env?: Record<string, string>
}): Promise<BenchServer> {
  const started = performance.now()
  // BENCH_NODE_ARGS adds Node flags to the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see
  // where a run's CPU goes (stop() then lets the server exit on SIGINT so the profile is written).
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, '--import', probe, serverEntry], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      TRIAGE_DEMO_PK: options.publishableKey,
      TRIAGE_DEMO_SK: options.secretKey,
      TRIAGE_SECRET: 'bench-secret-bench-secret-bench-secret',
      TRIAGE_RATE_LIMIT: '0',
      BENCH_EVENT_LOOP_FILE: options.eventLoopFile,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  // If the bench dies (Ctrl-C, a timeout), the server goes with it.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(?:listening on|is up at) (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before listening:\n${output}`)))
  })
  child.stdout?.resume()
  // The server's own figure when its probe wrote one (see event-loop-probe.ts), else the wall time.
  const startupFile = `${options.eventLoopFile}.startup`
  const startupMs = existsSync(startupFile) ? Number(readFileSync(startupFile, 'utf8')) : performance.now() - started
  const pid = child.pid
  return {
    url,
    child,
    startupMs,
    rssMb: () => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8')
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
        return Number.isFinite(kb) ? Math.round(kb / 1024) : undefined
      } catch {
        return undefined
      }
    },
    cpuMs: () => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        return (Number(fields[11]) + Number(fields[12])) * 10
      } catch {
        return undefined
      }
    },
    eventLoop: async () => {
      const before = existsSync(options.eventLoopFile) ? readFileSync(options.eventLoopFile, 'utf8') : ''
      child.kill('SIGUSR2')
      for (let waited = 0; waited < 5_000; waited += 20) {
        await delay(20)
        const now = existsSync(options.eventLoopFile) ? readFileSync(options.eventLoopFile, 'utf8') : ''
        if (now && now !== before) return JSON.parse(now) as { maxMs: number; p99Ms: number; meanMs: number }
      }
      throw new Error('the server did not report its event-loop delay')
    },
    stop: async () => {
      process.off('exit', killOnExit)
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      if (nodeArgs.length > 0) {
        child.kill('SIGINT')
        if (await Promise.race([exited.then(() => true), delay(10_000).then(() => false)])) return
      }
      child.kill('SIGKILL')
      await exited
    },
  }
}

/**
 * `npm run bench:streams`: what live event streams cost the real Node server.
 *
 * The server runs in a child process on a fresh libSQL file, with the stream caps lifted (the
 * point is the cost of one stream, not the cap). The bench files one report, opens `STREAMS`
 * (default 2,000) event streams on it from this process, a few at a time, and measures:
 * - the server's resident memory (VmRSS) before and after, per stream;
 * - the slowest `GET /healthz` answered while the streams opened, and the median after;
 * - how long a change takes to reach every stream (one agent reply).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const streams = Number(process.env['STREAMS'] ?? 2_000)
const serverEntry = process.env['BENCH_SERVER'] ?? fileURLToPath(new URL('../packages/server/src/node.ts', import.meta.url))

const folder = mkdtempSync(join(tmpdir(), 'triage-streams-'))
const publishableKey = `pk_${randomBytes(24).toString('base64url')}`
const secretKey = `sk_${randomBytes(24).toString('base64url')}`
const child = spawn(process.execPath, [serverEntry], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(folder, 'triage.db')}`,
    TRIAGE_DEMO_PK: publishableKey,
    TRIAGE_DEMO_SK: secretKey,
    TRIAGE_SECRET: randomBytes(32).toString('hex'),
    TRIAGE_RATE_LIMIT: '0',
    TRIAGE_STREAMS_PER_REPORT: String(streams + 10),
    TRIAGE_STREAMS_PER_ADDRESS: String(streams + 10),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
})

function stop(): void {
  if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(folder, { recursive: true, force: true })
}
process.on('exit', stop)

const url = await new Promise<string>((resolve, reject) => {
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    const match = /(?:listening on|is up at) (http:\/\/\S+)/.exec(output)
    if (match?.[1]) resolve(match[1])
  })
  child.once('exit', (code) => reject(new Error(`the server exited with code ${code}:\n${output}`)))
})
child.stdout?.resume()
const { hostname, port } = new URL(url)

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

async function healthzMs(): Promise<number> {
  const started = performance.now()
  await (await fetch(`${url}/healthz`)).text()
  return performance.now() - started
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

const created = (await (
  await fetch(`${url}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-triage-key': publishableKey },
    body: JSON.stringify({ symptoms: 'The checkout page is down' }),
  })
).json()) as { id: string; reporterToken: string }

// Settle: the first requests load code and caches.
for (let i = 0; i < 20; i++) await healthzMs()
const before = rssMb()

/** One stream: resolves once its first event arrived; counts the events it gets. */
const open: IncomingMessage[] = []
let events = 0
let onEvent: (() => void) | undefined
function follow(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: `/v1/reports/${created.id}/events?token=${created.reporterToken}`, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`))
      open.push(response)
      let first = true
      response.on('data', (chunk: Buffer) => {
        if (!chunk.toString().includes('event: report')) return
        if (first) {
          first = false
          resolve()
        } else {
          events++
          onEvent?.()
        }
      })
    })
    req.on('error', reject)
    req.end()
  })
}

let slowest = 0
let probing = true
const probe = (async () => {
  while (probing) slowest = Math.max(slowest, await healthzMs())
})()
const openStarted = performance.now()
for (let i = 0; i < streams; i += 50) await Promise.all(Array.from({ length: Math.min(50, streams - i) }, follow))
const openMs = performance.now() - openStarted
probing = false
await probe
await new Promise((resolve) => setTimeout(resolve, 2_000))
const after = rssMb()
const healthAfter: number[] = []
for (let i = 0; i < 50; i++) healthAfter.push(await healthzMs())

const changeStarted = performance.now()
const everyStream = new Promise<void>((resolve) => {
  onEvent = () => {
    if (events >= streams) resolve()
  }
})
await fetch(`${url}/v1/incidents/${created.id}/messages`, {
  method: 'POST',
  headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
  body: JSON.stringify({ body: 'We are on it', visibility: 'public' }),
})
await everyStream
const fanOutMs = performance.now() - changeStarted

console.log(`${streams} streams on one report opened in ${(openMs / 1000).toFixed(1)} s`)
console.log(`server memory: ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after: ${(((after - before) * 1024) / streams).toFixed(1)} KB a stream`)
console.log(`GET /healthz while opening: slowest ${slowest.toFixed(0)} ms; with the streams open: median ${median(healthAfter).toFixed(1)} ms`)
console.log(`one change reached all ${streams} streams in ${fanOutMs.toFixed(0)} ms`)
for (const response of open) response.destroy()
stop()
process.exit(0)

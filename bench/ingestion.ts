/**
 * `npm run bench`: how fast the real Node server takes reports, against its own ceiling.
 *
 * The server runs in a child process (so it does not share an event loop with the load
 * generator) on a fresh libSQL file. autocannon sends realistic `POST /v1/reports` bodies, each
 * with its own Idempotency-Key, then the same server's trivial `GET /healthz`: the ratio of the
 * two is what the write path costs. Afterwards the server is killed (SIGKILL, as in a crash) and
 * the file is opened to check that every report answered 201 is in it.
 * Figures go to stdout and `bench/results.json`. `BENCH_SERVER=<path to node.ts>` measures another
 * checkout's server instead (for a before/after).
 */
import { createClient } from '@libsql/client'
import autocannon from 'autocannon'
import type { Request, Result } from 'autocannon'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { reportBodies } from './report-bodies.ts'

const connections = 50
const seconds = 8
const warmUpSeconds = 2
// Another checkout's server can be measured the same way, e.g. the last commit's, for a before/after.
const serverEntry = process.env['BENCH_SERVER'] ?? fileURLToPath(new URL('../packages/server/src/node.ts', import.meta.url))
// The yardstick, measured in the same run with the same load: one libSQL insert per request, nothing else.
const naiveEntry = fileURLToPath(new URL('./naive-server.ts', import.meta.url))
const resultsFile = fileURLToPath(new URL('./results.json', import.meta.url))

interface RunningChild {
  url: string
  child: ChildProcess
}

/** Starts `node packages/server/src/node.ts` on a free loopback port and waits for it to listen. */
async function startServer(databaseUrl: string, publishableKey: string, secretKey: string, entry = serverEntry): Promise<RunningChild> {
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      TRIAGE_DEMO_PK: publishableKey,
      TRIAGE_DEMO_SK: secretKey,
      TRIAGE_SECRET: randomBytes(32).toString('hex'),
      // One client sending thousands of reports a second is the point here, not abuse.
      TRIAGE_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
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
  return { url, child }
}

/** Which Idempotency-Keys were sent and which were answered 201, to check durability after. */
interface Ledger {
  sent: Set<string>
  acknowledged: Set<string>
  replayed: number
}

function reportRequests(publishableKey: string, ledger: Ledger): Request[] {
  const bodies = reportBodies(240)
  const run = randomBytes(6).toString('hex')
  let sequence = 0
  return [
    {
      method: 'POST',
      path: '/v1/reports',
      setupRequest: (request, context) => {
        sequence++
        const key = `bench-${run}-${sequence}`
        context['key'] = key
        ledger.sent.add(key)
        return {
          ...request,
          headers: { 'content-type': 'application/json', 'x-triage-key': publishableKey, 'idempotency-key': key },
          body: bodies[sequence % bodies.length],
        }
      },
      onResponse: (status, _body, context, headers) => {
        if (status === 201) ledger.acknowledged.add(String(context['key']))
        if (headers['idempotent-replayed'] ?? headers['Idempotent-Replayed']) ledger.replayed++
      },
    },
  ]
}

/**
 * CPU time the server process has used so far, in ms, from Linux's /proc (undefined elsewhere).
 * On a shared machine it is steadier than req/s: other work slows the clock, not the CPU spent.
 */
function serverCpuMs(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

interface Measured {
  result: Result
  /** Server CPU per answered request, in µs. */
  serverCpuUs: number | undefined
}

async function fire(server: RunningChild, path: string, duration: number, requests?: Request[]): Promise<Measured> {
  const before = serverCpuMs(server.child.pid)
  const result = await autocannon({ url: `${server.url}${path}`, connections, duration, requests })
  const after = serverCpuMs(server.child.pid)
  const answered = Object.values(result.statusCodeStats).reduce((sum, { count }) => sum + count, 0)
  const serverCpuUs = before === undefined || after === undefined || answered === 0 ? undefined : Math.round(((after - before) * 1000) / answered)
  return { result, serverCpuUs }
}

interface Summary {
  requestsPerSecond: number
  latencyMs: { p50: number; p99: number; mean: number }
  errors: number
  timeouts: number
  non2xx: number
  statusCodes: Record<string, number>
  durationSeconds: number
  serverCpuUsPerRequest: number | undefined
}

function summarize({ result, serverCpuUs }: Measured): Summary {
  return {
    requestsPerSecond: Math.round(result.requests.mean),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: Math.round(result.latency.mean * 100) / 100 },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    durationSeconds: result.duration,
    serverCpuUsPerRequest: serverCpuUs,
  }
}

function line(label: string, summary: Summary): string {
  const rate = summary.requestsPerSecond.toLocaleString('en-US').padStart(7)
  return `${label.padEnd(28)} ${rate} req/s   p50 ${summary.latencyMs.p50} ms   p99 ${summary.latencyMs.p99} ms   errors ${summary.errors}   non-2xx ${summary.non2xx}   server CPU ${summary.serverCpuUsPerRequest ?? '?'} µs/req`
}

function created({ result }: Measured): number {
  return result.statusCodeStats['201']?.count ?? 0
}

/** Kills the server as a crash would, then reads which reports the file holds. */
async function storedKeys(server: RunningChild, databaseUrl: string): Promise<string[]> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill('SIGKILL')
  await exited
  const client = createClient({ url: databaseUrl })
  try {
    // Major incidents are opened by the server, not sent by the bench.
    const { rows } = await client.execute('select idempotency_key from incidents where is_major = 0')
    return rows.map((row) => String(row['idempotency_key']))
  } finally {
    client.close()
  }
}

const folder = mkdtempSync(join(tmpdir(), 'triage-bench-'))
const databaseUrl = `file:${join(folder, 'bench.db')}`
const publishableKey = `pk_bench${randomBytes(18).toString('base64url')}`
const secretKey = `sk_bench${randomBytes(18).toString('base64url')}`
const server = await startServer(databaseUrl, publishableKey, secretKey)
try {
  console.log(`server ${serverEntry} at ${server.url} (child process ${server.child.pid}), ${connections} connections, ${seconds} s per run, ${availableParallelism()} cores`)
  const ledger: Ledger = { sent: new Set(), acknowledged: new Set(), replayed: 0 }

  await fire(server, '/healthz', warmUpSeconds)
  const warmUp = await fire(server, '', warmUpSeconds, reportRequests(publishableKey, ledger))
  const ceilingResult = await fire(server, '/healthz', seconds)
  const ingestionResult = await fire(server, '', seconds, reportRequests(publishableKey, ledger))

  const ingestion = summarize(ingestionResult)
  const ceiling = summarize(ceilingResult)
  const ingestionRatio = Math.round((ingestion.requestsPerSecond / ceiling.requestsPerSecond) * 1000) / 1000
  console.log(line('ingestion POST /v1/reports', ingestion))
  console.log(line('ceiling   GET /healthz', ceiling))
  console.log(`ingestionRatio ${ingestionRatio} (reports/s ÷ the same server's GET /healthz)`)

  const counted = created(warmUp) + created(ingestionResult)
  const stored = await storedKeys(server, databaseUrl)
  const storedSet = new Set(stored)
  const lost = [...ledger.acknowledged].filter((key) => !storedSet.has(key))
  // Requests still in flight when autocannon closed its connections may have been written
  // without being answered: at most one per connection and run, and only keys that were sent.
  const unacknowledged = stored.filter((key) => !ledger.acknowledged.has(key))
  const strays = unacknowledged.filter((key) => !ledger.sent.has(key))
  const durable = lost.length === 0 && counted === ledger.acknowledged.size && ledger.replayed === 0 && strays.length === 0 && unacknowledged.length <= 2 * connections
  const durability = {
    created201: counted,
    incidentsInFile: stored.length,
    acknowledgedInFile: ledger.acknowledged.size - lost.length,
    lost: lost.length,
    writtenButCutOffInFlight: unacknowledged.length,
    replayed: ledger.replayed,
    ok: durable,
  }
  console.log(
    `durability after kill -9: ${counted} reports answered 201 (warm-up included), ${durability.acknowledgedInFile} of them in the file, ` +
      `${durability.lost} lost; the file holds ${stored.length} incidents ` +
      `(${unacknowledged.length} more from requests cut off in flight when the load stopped, never answered) → ${durable ? 'OK' : 'FAILED'}`,
  )

  // The naive insert-per-request server, on its own fresh file, under the same load right after.
  const naiveFolder = mkdtempSync(join(tmpdir(), 'triage-bench-naive-'))
  const naive = await startServer(`file:${join(naiveFolder, 'naive.db')}`, publishableKey, secretKey, naiveEntry)
  let naiveIngestion: Summary
  try {
    const naiveLedger: Ledger = { sent: new Set(), acknowledged: new Set(), replayed: 0 }
    await fire(naive, '', warmUpSeconds, reportRequests(publishableKey, naiveLedger))
    naiveIngestion = summarize(await fire(naive, '', seconds, reportRequests(publishableKey, naiveLedger)))
  } finally {
    naive.child.kill('SIGKILL')
    rmSync(naiveFolder, { recursive: true, force: true })
  }
  const vsNaiveRatio = Math.round((ingestion.requestsPerSecond / naiveIngestion.requestsPerSecond) * 1000) / 1000
  console.log(line('naive     POST (one insert)', naiveIngestion))
  console.log(`vsNaiveRatio ${vsNaiveRatio} (Triage's reports/s ÷ the naive server's, same run; goal ≥ 0.5)`)

  writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        ingestion,
        ceiling,
        ingestionRatio,
        naive: naiveIngestion,
        vsNaiveRatio,
        durability,
        connections,
        seconds,
        cores: availableParallelism(),
        // How shared the machine was while measuring (1, 5, 15 min): CPU µs per report holds up better than req/s.
        loadAverage: loadavg().map((load) => Math.round(load * 10) / 10),
        date: new Date().toISOString(),
        node: process.version,
      },
      null,
      2,
    )}\n`,
  )
  console.log(`written ${resultsFile}`)
  if (!durable || ingestion.errors > 0 || ingestion.non2xx > 0) process.exitCode = 1
} finally {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
  rmSync(folder, { recursive: true, force: true })
}

/**
 * `npm run bench:scale [-- --incidents N]`: the real server on a long history (default 1,000,000
 * incidents in one app, about 3 years at one report every 100 s).
 *
 * 1. Seeds the history into a fresh libSQL file (bench/scale/seed.ts).
 * 2. Starts the server as `npm start` does, with an event-loop probe; startup time and memory.
 * 3. The agents' read mix, one request at a time: p50/p95/p99 per route.
 * 4. Intake alone, then intake while an agent runs metrics and searches: ingestion p99 both ways,
 *    and the event loop's longest stall.
 * 5. A major-incident spike: many reports of one outage told many ways, from 200 connections.
 * 6. Followers: the spike's reporters follow their reports live; CPU while nothing changes, then
 *    the time for one change (resolving the major incidents) to reach all of them.
 *
 * Options: --incidents N · --followers N (default 10,000) · --spike N (default 10,000) ·
 * --texts FILE (a CSV with a `text` column; default ../shared/data/it-tickets/dev.csv) ·
 * --samples N (requests per read route, default 40) · --keep (keep the database file).
 * Prints a table and writes bench/scale-results.json (times in ms).
 */
import { createClient } from '@libsql/client'
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openFollowers } from './scale/followers.ts'
import { everydayBodies, outageBodies, postReports, whileRunning } from './scale/intake.ts'
import { percentiles, timedGet } from './scale/measure.ts'
import type { Percentiles } from './scale/measure.ts'
import { row, runReadMix, vocabularyOf } from './scale/reads.ts'
import { seedHistory } from './scale/seed.ts'
import { startBenchServer } from './scale/server.ts'

const { values } = parseArgs({
  options: {
    incidents: { type: 'string', default: '1000000' },
    followers: { type: 'string', default: '10000' },
    spike: { type: 'string', default: '10000' },
    texts: { type: 'string', default: fileURLToPath(new URL('../../shared/data/it-tickets/dev.csv', import.meta.url)) },
    samples: { type: 'string', default: '40' },
    keep: { type: 'boolean', default: false },
  },
})
const count = (name: string, value: string | undefined) => {
  const n = Number(String(value).replace(/[_,]/g, ''))
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not ${value}`)
  return n
}
const incidents = count('incidents', values.incidents)
const followerCount = count('followers', values.followers)
const spikeReports = count('spike', values.spike)
const samples = Math.max(5, count('samples', values.samples))
const log = (line: string) => console.log(line)

const folder = mkdtempSync(join(tmpdir(), 'triage-scale-'))
const databaseUrl = `file:${join(folder, 'scale.db')}`
const publishableKey = 'pk_benchscale000000000000000000'
const secretKey = 'sk_benchscale00000000000000000000'
const resultsFile = fileURLToPath(new URL('./scale-results.json', import.meta.url))

log(
  `bench:scale — ${incidents.toLocaleString('en-US')} incidents, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} at the start`,
)
log(`seeding ${databaseUrl}${existsSync(values.texts) ? ` with texts from ${values.texts}` : ' (no texts file: built-in phrasings)'}`)
const seeded = await seedHistory({ databaseUrl, incidents, publishableKey, secretKey, textsCsv: values.texts, now: Date.now(), log })
log(`seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${incidents.toLocaleString('en-US')} incidents, ${seeded.events.toLocaleString('en-US')} events`)
const vocabulary = await vocabularyOf(databaseUrl)

const server = await startBenchServer({ databaseUrl, publishableKey, secretKey, eventLoopFile: join(folder, 'event-loop.json') })
try {
  const rssAfterStartup = server.rssMb()
  log(`server up in ${Math.round(server.startupMs)} ms, RSS ${rssAfterStartup} MB`)
  await server.eventLoop()

  log('\nread mix (sequential; ms)                     p50      p95      p99      max')
  const routes: Record<string, Percentiles> = await runReadMix({ url: server.url, databaseUrl, secretKey, publishableKey, samples }, vocabulary, log)
  const readsEventLoop = await server.eventLoop()
  const rssAfterReads = server.rssMb()
  log(`event loop during the read mix: max ${readsEventLoop.maxMs} ms, p99 ${readsEventLoop.p99Ms} ms; RSS ${rssAfterReads} MB`)

  log('\nintake alone, then with an agent running metrics and searches (50 connections, 8 s each)')
  const alone = await postReports({ url: server.url, publishableKey, bodies: everydayBodies(), connections: 50, durationSeconds: 8 })
  await server.eventLoop()
  const agent = { authorization: `Bearer ${secretKey}` }
  const heavy = [
    `/v1/metrics?from=${new Date(Date.now() - 365 * 86_400_000).toISOString()}`,
    `/v1/incidents?q=${vocabulary.commonWord}`,
    `/v1/incidents?q=zyxwvut`,
    '/v1/incidents?sort=due',
    '/v1/incidents?sla=breached',
    `/v1/incidents?category=${vocabulary.rareCategory}&status=new`,
  ]
  const agentTimes: number[] = []
  const agentTimesByPath = new Map<string, number[]>()
  const mixedRun = postReports({ url: server.url, publishableKey, bodies: everydayBodies(), connections: 50, durationSeconds: 8 })
  let round = 0
  await whileRunning(mixedRun, async () => {
    const path = heavy[round++ % heavy.length] as string
    const { ms } = await timedGet(`${server.url}${path}`, agent)
    agentTimes.push(ms)
    const ofPath = agentTimesByPath.get(path)
    if (ofPath) ofPath.push(ms)
    else agentTimesByPath.set(path, [ms])
  })
  for (const [path, times] of agentTimesByPath) {
    const { p50, max } = percentiles(times)
    log(`  the agent's ${path.slice(0, 60)} during intake: ${times.length} calls, p50 ${p50} ms, max ${max} ms`)
  }
  const mixed = await mixedRun
  const mixedEventLoop = await server.eventLoop()
  const intake = {
    alone: { reportsPerSecond: Math.round(alone.requests / 8), p50: alone.p50, p99: alone.p99, errors: alone.errors + alone.non2xx },
    withAgentReads: { reportsPerSecond: Math.round(mixed.requests / 8), p50: mixed.p50, p99: mixed.p99, errors: mixed.errors + mixed.non2xx, agentReads: percentiles(agentTimes) },
    p99Ratio: Math.round((mixed.p99 / Math.max(1, alone.p99)) * 100) / 100,
  }
  log(`  alone:         ${intake.alone.reportsPerSecond} reports/s, p50 ${alone.p50} ms, p99 ${alone.p99} ms, errors ${intake.alone.errors}`)
  log(
    `  with reads:    ${intake.withAgentReads.reportsPerSecond} reports/s, p50 ${mixed.p50} ms, p99 ${mixed.p99} ms, errors ${intake.withAgentReads.errors}; agent reads ${agentTimes.length}, p95 ${intake.withAgentReads.agentReads.p95} ms`,
  )
  log(`  p99 with reads ÷ alone: ${intake.p99Ratio} (goal ≤ 2); event loop max ${mixedEventLoop.maxMs} ms, p99 ${mixedEventLoop.p99Ms} ms`)

  log(`\nspike: ${spikeReports.toLocaleString('en-US')} reports of one outage, 200 connections`)
  const spikeStartedAt = Date.now()
  const spikeStarted = performance.now()
  const spikeRun = await postReports({ url: server.url, publishableKey, bodies: outageBodies(500), connections: 200, amount: spikeReports })
  const spikeSeconds = (performance.now() - spikeStarted) / 1000
  const probe = createClient({ url: databaseUrl })
  // The major incidents the spike's reports joined (some may have opened before it, for the same outage).
  const majors = (
    await probe.execute({
      sql: 'select distinct parent_id from incidents where app_id = ? and is_major = 0 and parent_id is not null and created_at >= ?',
      args: ['app_demo', spikeStartedAt - 1000],
    })
  ).rows.map((r) => String(r['parent_id']))
  const ungrouped = Number(
    (
      await probe.execute({
        sql: 'select count(*) n from incidents where app_id = ? and is_major = 0 and parent_id is null and created_at >= ?',
        args: ['app_demo', spikeStartedAt - 1000],
      })
    ).rows[0]?.['n'],
  )
  const spike = {
    reports: spikeRun.acknowledged.size,
    seconds: Math.round(spikeSeconds * 10) / 10,
    p50: spikeRun.p50,
    p99: spikeRun.p99,
    errors: spikeRun.errors + spikeRun.non2xx,
    majorIncidents: majors.length,
    ungrouped,
  }
  log(
    `  ${spike.reports} acknowledged in ${spike.seconds} s, p50 ${spike.p50} ms, p99 ${spike.p99} ms, errors ${spike.errors}; grouped under ${spike.majorIncidents} major incidents, ${spike.ungrouped} left ungrouped`,
  )

  log(`\nfollowers: ${followerCount.toLocaleString('en-US')} reporters of the spike follow their reports`)
  // Reporters whose report joined a major incident: resolving the majors reaches each of them.
  const grouped = new Set(
    (
      await probe.execute({
        sql: 'select id from incidents where app_id = ? and is_major = 0 and parent_id is not null and created_at >= ?',
        args: ['app_demo', spikeStartedAt - 1000],
      })
    ).rows.map((r) => String(r['id'])),
  )
  const followed = [...spikeRun.acknowledged.values()].filter((created) => grouped.has(created.id)).slice(-followerCount)
  const set = await openFollowers(server.url, followed, log)
  log(`  open: ${set.open}; refused: ${JSON.stringify(set.refused)}; RSS ${server.rssMb()} MB`)
  await delay(2_000)
  const cpuBefore = server.cpuMs()
  const idleSeconds = 10
  await delay(idleSeconds * 1000)
  const cpuAfter = server.cpuMs()
  const idleCpuPercent = cpuBefore === undefined || cpuAfter === undefined ? null : Math.round(((cpuAfter - cpuBefore) / (idleSeconds * 1000)) * 1000) / 10
  log(`  server CPU while nothing changes: ${idleCpuPercent} % of one core`)
  // One change for all: the agent resolves the major incidents the spike's reports joined.
  const resolvedAt = performance.now()
  const seenResolved = set.whenStatus('resolved')
  for (const id of majors) {
    await fetch(`${server.url}/v1/incidents/${id}/resolve`, {
      method: 'POST',
      headers: { ...agent, 'content-type': 'application/json' },
      body: JSON.stringify({ resolution: 'Payment provider failover', publicNote: 'Payments work again.' }),
    }).then((response) => response.text())
  }
  const resolveCallMs = performance.now() - resolvedAt
  const times = await Promise.race([seenResolved, delay(60_000).then(() => [] as number[])])
  const fanout = percentiles(times.map((at) => at - resolvedAt))
  // Resolving a major incident writes each of its reports: the end-to-end figure includes those
  // writes; the lag is each follower's own, from its report's change to its screen.
  const lag = percentiles(set.lagsOf('resolved'))
  const followers = {
    count: set.open,
    idleCpuPercent,
    fanoutP99Ms: times.length === 0 ? null : fanout.p99,
    fanoutP50Ms: times.length === 0 ? null : fanout.p50,
    lagP50Ms: times.length === 0 ? null : lag.p50,
    lagP99Ms: times.length === 0 ? null : lag.p99,
    resolveCallMs: Math.round(resolveCallMs),
    rssMb: server.rssMb(),
  }
  log(
    `  resolving ${majors.length} major incidents took ${followers.resolveCallMs} ms; ${times.length} of ${set.open} followers saw it: p50 ${followers.fanoutP50Ms} ms, p99 ${followers.fanoutP99Ms} ms after the first call`,
  )
  log(`  from each report's change to its follower: p50 ${followers.lagP50Ms} ms, p99 ${followers.lagP99Ms} ms`)
  set.close()
  probe.close()

  const results = {
    incidents,
    events: seeded.events,
    seedSeconds: Math.round(seeded.ms / 100) / 10,
    routes,
    eventLoopMaxMs: Math.max(readsEventLoop.maxMs, mixedEventLoop.maxMs),
    eventLoop: { readMix: readsEventLoop, intakeWithReads: mixedEventLoop },
    rssMb: Math.max(rssAfterStartup ?? 0, rssAfterReads ?? 0),
    rss: { afterStartup: rssAfterStartup, afterReads: rssAfterReads },
    startupMs: Math.round(server.startupMs),
    intake,
    followers,
    spike,
    // The load average says how shared the machine was: figures from a busy one are upper bounds.
    machine: {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: loadavg().map((load) => Math.round(load * 10) / 10),
    },
    date: new Date().toISOString(),
  }
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
  log(`\nwritten ${resultsFile}`)
  log(
    row(
      '(summary) worst read p95 route',
      Object.values(routes).reduce((worst, p) => (p.p95 > worst.p95 ? p : worst)),
    ),
  )
} finally {
  await server.stop()
  if (values.keep) log(`kept ${databaseUrl}`)
  else rmSync(folder, { recursive: true, force: true })
}

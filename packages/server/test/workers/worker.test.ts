/**
 * The Workers build in real workerd: `wrangler dev` serves the bundle that `wrangler deploy`
 * would upload, on a local D1 database migrated with `wrangler d1 migrations apply` from the
 * drizzle migrations, and the API is driven over HTTP. Slow (wrangler and workerd start), so
 * it is the one test of the Worker entry; everything else about the API is tested on Node.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import type { Incident, IncidentList, Problem, ReportCreated, ReportView } from '@triage/protocol'
import { getAs, postReport, sendAs } from '../harness.ts'
import type { SeedSql } from './seed-sql.ts'
import { seedSql } from './seed-sql.ts'
import type { WranglerDev } from './wrangler.ts'
import { startWranglerDev, wrangler } from './wrangler.ts'

let stateDir: string
let worker: WranglerDev
let seed: SeedSql
/** What `wrangler deploy --dry-run` printed. */
let build: string

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'triage-workers-'))
  const persistTo = join(stateDir, 'state')
  const outdir = join(stateDir, 'dist')
  seed = await seedSql()
  writeFileSync(join(stateDir, 'seed.sql'), seed.sql)
  const [dryRun] = await Promise.all([
    wrangler(['deploy', '--dry-run', '--outdir', outdir], stateDir),
    wrangler(['d1', 'migrations', 'apply', 'triage', '--local', '--persist-to', persistTo], stateDir).then(() =>
      wrangler(['d1', 'execute', 'triage', '--local', '--persist-to', persistTo, '--file', join(stateDir, 'seed.sql')], stateDir),
    ),
  ])
  build = dryRun
  // `DATABASE_URL:` (empty) keeps the Worker on D1 whatever a developer's .dev.vars says.
  worker = await startWranglerDev(
    [join(outdir, 'worker.js'), '--config', 'wrangler.toml', '--no-bundle', '--local', '--persist-to', persistTo, '--var', 'DATABASE_URL:'],
    stateDir,
  )
}, 90_000)

// The Worker's own log (e.g. a stack trace from workerd) usually explains a failure: show it once, at the end.
let failed = false
beforeEach(() => onTestFailed(() => void (failed = true)))

afterAll(async () => {
  await worker?.stop()
  if (failed) console.error(`wrangler dev printed:\n${worker.output()}`)
  if (stateDir) rmSync(stateDir, { recursive: true, force: true })
})

it('bundles without Node.js built-ins, so it needs no nodejs_compat flag', () => {
  expect(build).toMatch(/Total Upload/)
  expect(build).not.toMatch(/nodejs_compat/)
})

describe('the Worker on D1 in workerd', () => {
  const body = {
    symptoms: 'Checkout fails with a 500 error after entering my card',
    answers: { impact: 'me', workaround: 'no' },
    contact: { name: 'Ada', email: 'ada@example.com' },
  }
  const idempotencyKey = crypto.randomUUID()
  let created: ReportCreated

  it('logs a report as INC-000001 with a reporter token', async () => {
    const response = await postReport(worker, seed.publishableKey, body, { 'idempotency-key': idempotencyKey })
    expect(response.status).toBe(201)
    created = (await response.json()) as ReportCreated
    expect(created).toMatchObject({ number: 'INC-000001', status: 'new' })
    expect(created.reporterToken).toMatch(/^rt_/)
  })

  it('answers the same incident for the same Idempotency-Key, marked as a replay', async () => {
    const again = await postReport(worker, seed.publishableKey, body, { 'idempotency-key': idempotencyKey })
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await again.json()).toEqual(created)
  })

  it('shows the reporter their report with the public timeline only', async () => {
    const response = await getAs(worker, `/v1/reports/${created.id}`, created.reporterToken)
    expect(response.status).toBe(200)
    const report = (await response.json()) as ReportView
    expect(report).toMatchObject({ id: created.id, number: 'INC-000001', status: 'new', priority: created.priority })
    expect(report.timeline.map((event) => event.type)).toEqual(['created'])
    expect(report).not.toHaveProperty('symptoms')
  })

  it('shows an agent the enriched ticket with the same symptoms and the whole timeline in order', async () => {
    const response = await getAs(worker, `/v1/incidents/${created.id}`, seed.secretKey)
    expect(response.status).toBe(200)
    const incident = (await response.json()) as Incident
    expect(incident).toMatchObject({ id: created.id, number: 'INC-000001', symptoms: body.symptoms, contact: body.contact })
    // Written in one millisecond: only rowid keeps them in insertion order.
    expect(incident.timeline.map((event) => event.type)).toEqual(['created', 'categorized', 'prioritized'])
  })

  it('resolves as an agent; the reporter reads the public note (guarded update + events in one D1 batch)', async () => {
    const resolved = await sendAs(worker, 'POST', `/v1/incidents/${created.id}/resolve`, seed.secretKey, {
      resolution: 'Payment provider timeout raised',
      publicNote: 'Fixed: please try again.',
    })
    expect(resolved.status).toBe(200)
    expect(await resolved.json()).toMatchObject({ status: 'resolved', publicNote: 'Fixed: please try again.' } satisfies Partial<Incident>)
    const report = (await (await getAs(worker, `/v1/reports/${created.id}`, created.reporterToken)).json()) as ReportView
    expect(report.status).toBe('resolved')
    expect(report.timeline.at(-1)).toMatchObject({ type: 'resolved', body: 'Fixed: please try again.' })
  })

  it('pages the agent list by cursor (row-value comparison in SQL)', async () => {
    await postReport(worker, seed.publishableKey, { symptoms: 'The export button does nothing' })
    const first = (await (await getAs(worker, '/v1/incidents?limit=1', seed.secretKey)).json()) as IncidentList
    expect(first.items.map((item) => item.number)).toEqual(['INC-000002'])
    expect(first.nextCursor).not.toBeNull()
    const next = await getAs(worker, `/v1/incidents?limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`, seed.secretKey)
    const second = (await next.json()) as IncidentList
    expect(second.items.map((item) => item.number)).toEqual(['INC-000001'])
  })

  it('answers malformed JSON with a 400 problem+json', async () => {
    const response = await postReport(worker, seed.publishableKey, '{"symptoms": "broken')
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ status: 400, code: 'malformed_json' } satisfies Partial<Problem>)
  })
})

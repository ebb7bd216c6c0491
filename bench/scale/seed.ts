/**
 * Seeds a realistic history into a libSQL file, fast: one app, N incidents at one report every
 * 100 s up to now (100k ≈ 4 months, 1M ≈ 3 years), each triaged by the engine, with 3–9 timeline
 * events and a status that follows its age.
 *
 * Rows are built by the server's own code (`newIncident`, `firstEvents`) and written through
 * columns read from the drizzle schema, so the seed cannot drift from what the server writes.
 * Multi-row inserts in large transactions, with `synchronous=OFF` only while seeding.
 */
import { createClient } from '@libsql/client'
import type { InValue } from '@libsql/client'
import { getTableColumns } from 'drizzle-orm'
import type { Column } from 'drizzle-orm'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs'
import { seedClassifier, triage } from '@triage/engine'
import type { Reasoning } from '@triage/protocol'
import { incidentEvents, incidents } from '../../packages/server/src/db/schema.ts'
import { openLibsql } from '../../packages/server/src/storage/open-libsql.ts'
import { ensureDemoApp } from '../../packages/server/src/bootstrap.ts'
import { firstEvents, newIncident } from '../../packages/server/src/reports/new-incident.ts'
import type { NewEvent, NewIncident } from '../../packages/server/src/storage/incidents.ts'
import { parseCsv } from '../../packages/engine/src/classifier/csv.ts'

export interface SeedOptions {
  databaseUrl: string
  incidents: number
  publishableKey: string
  secretKey: string
  /** A CSV with a `text` column (the IT tickets); reporters' words are drawn from it. */
  textsCsv?: string
  /** The newest report's time; the history runs back from it. */
  now: number
  log?: (line: string) => void
}

export const reportEveryMs = 100_000
const agents = ['ada', 'lea', 'sam', 'noor', 'jon', 'mia', 'ivo', 'kim']
const firstNames = ['Ada', 'Camille', 'Jean', 'Noor', 'Priya', 'Lukas', 'Sofia', 'Mateo', 'Yuki', 'Amara']

/** A small, fast, seeded PRNG (mulberry32): the same seed builds the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function loadTexts(path: string | undefined): string[] {
  if (path && existsSync(path)) {
    const rows = parseCsv(readFileSync(path, 'utf8'))
    const header = rows[0] ?? []
    const column = header.indexOf('text')
    const texts = rows
      .slice(1)
      .map((row) => row[column] ?? '')
      .filter((text) => text.length > 0)
    if (texts.length > 0) return texts
  }
  // No data set beside the repository: a few hundred distinct phrasings of the bench's own.
  const bases = [
    'cannot log in password reset link expired',
    'checkout fails with error after entering card',
    'export button does nothing no csv downloaded',
    'dashboard very slow every page takes seconds',
    'charged twice for the same order',
    'drafts disappeared after the update',
    'how do I add a second admin to our account',
    'laptop screen flickers after docking station connected',
    'need access to the shared finance folder',
    'vpn disconnects every few minutes from home',
  ]
  return Array.from({ length: 500 }, (_, i) => `${bases[i % bases.length]} ticket ${i}`)
}

/** `insert into t (c1, …) values (?, …), (?, …)…` for `rows` rows, columns from the drizzle table. */
function multiRowInsert(table: string, columns: Column[], rows: number): string {
  const one = `(${columns.map(() => '?').join(', ')})`
  return `insert into ${table} (${columns.map((column) => `"${column.name}"`).join(', ')}) values ${Array.from({ length: rows }, () => one).join(', ')}`
}

/** The driver values of a row object, in the table's column order (json → text, boolean → 0/1). */
function driverValues(columns: [string, Column][], row: Record<string, unknown>): InValue[] {
  return columns.map(([key, column]) => {
    const value = row[key]
    return value === null || value === undefined ? null : (column.mapToDriverValue(value) as InValue)
  })
}

/**
 * The incident as it would be after its life so far: triaged at creation, then answered,
 * worked, resolved and closed according to its age, with the events each step writes.
 */
function lifeOf(base: NewIncident, created: NewEvent[], ageMs: number, rand: () => number): { incident: NewIncident; events: NewEvent[] } {
  const incident: NewIncident = { ...base }
  const events: NewEvent[] = [...created]
  const day = 86_400_000
  const t0 = base.createdAt
  let eventNumber = 0
  const event = (type: string, at: number, visibility: 'public' | 'internal', actor: string, data: Record<string, unknown>) =>
    events.push({ id: `${base.id.replace('inc_', 'evt_')}_${eventNumber++}`, type, at, visibility, actor, data })
  // How far along its life it got: the older, the further.
  const roll = rand()
  const stage =
    ageMs < 2 * 3_600_000
      ? roll < 0.6
        ? 0
        : roll < 0.9
          ? 1
          : 3
      : ageMs < day
        ? roll < 0.15
          ? 0
          : roll < 0.55
            ? 1
            : roll < 0.65
              ? 2
              : 3
        : ageMs < 7 * day
          ? roll < 0.02
            ? 0
            : roll < 0.1
              ? 1
              : roll < 0.13
                ? 2
                : roll < 0.5
                  ? 3
                  : 4
          : roll < 0.003
            ? 1
            : roll < 0.02
              ? 3
              : 4
  const agent = agents[Math.floor(rand() * agents.length)] ?? 'ada'
  if (stage >= 1) {
    const replyAt = Math.min(t0 + ageMs, t0 + Math.floor(rand() * 4 * 3_600_000) + 60_000)
    incident.assignee = agent
    incident.status = 'in_progress'
    incident.firstResponseAt = replyAt
    event('status_changed', replyAt, 'public', agent, { from: 'new', status: 'in_progress' })
    event('message', replyAt, 'public', agent, { body: 'Thanks, we are looking into it.', author: 'agent' })
    if (rand() < 0.3) event('message', replyAt + 60_000, 'internal', agent, { body: 'Checked the logs, looks like the usual suspect.', author: 'agent' })
  }
  if (stage === 2) {
    incident.status = 'pending_reporter'
    event('status_changed', Math.min(t0 + ageMs, (incident.firstResponseAt ?? t0) + 120_000), 'public', agent, { from: 'in_progress', status: 'pending_reporter' })
  }
  if (stage >= 3) {
    const resolvedAt = Math.min(t0 + ageMs, t0 + Math.floor(rand() * 3 * day) + 3_600_000)
    incident.status = 'resolved'
    incident.resolvedAt = resolvedAt
    incident.resolution = 'Cleared the stale session and restarted the worker.'
    incident.publicNote = rand() < 0.5 ? 'Fixed: please try again.' : null
    event('status_changed', resolvedAt, 'public', agent, { from: 'in_progress', status: 'resolved' })
    event('resolved', resolvedAt, 'public', agent, { resolution: incident.resolution, ...(incident.publicNote ? { body: incident.publicNote } : {}) })
  }
  if (stage >= 4) {
    const closedAt = Math.min(t0 + ageMs, (incident.resolvedAt ?? t0) + 2 * day)
    incident.status = 'closed'
    incident.closedAt = closedAt
    event('status_changed', closedAt, 'public', 'triage', { from: 'resolved', status: 'closed' })
    event('closed', closedAt, 'public', 'triage', {})
  }
  // A few go up a tier on the way.
  if (stage >= 1 && incident.tier === 'L1' && rand() < 0.08) {
    incident.tier = 'L2'
    event('escalated', (incident.firstResponseAt ?? t0) + 30_000, 'internal', agent, { from: 'L1', tier: 'L2', reason: 'needs a specialist' })
  }
  incident.updatedAt = Math.max(...events.map((e) => e.at))
  return { incident, events }
}

/** Seeds the history; answers how long it took and how many events were written. */
export async function seedHistory(options: SeedOptions): Promise<{ ms: number; events: number }> {
  const log = options.log ?? (() => {})
  const started = performance.now()
  // Migrations and the demo app exactly as the server makes them.
  const opened = await openLibsql({ url: options.databaseUrl })
  await ensureDemoApp(opened.db, { publishableKey: options.publishableKey, secretKey: options.secretKey, allowedOrigins: [] })
  opened.close()

  const texts = loadTexts(options.textsCsv)
  const classifier = seedClassifier()
  const reasonings = new Map<number, Reasoning>()
  const incidentColumns = Object.entries(getTableColumns(incidents)) as [string, Column][]
  const eventColumns = Object.entries(getTableColumns(incidentEvents)) as [string, Column][]
  const incidentsPerStatement = Math.floor(30_000 / incidentColumns.length)
  const eventsPerStatement = Math.floor(30_000 / eventColumns.length)

  const client = createClient({ url: options.databaseUrl, concurrency: 1 })
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA synchronous = OFF')
  const rand = random(42)
  const perTransaction = 20_000
  let eventCount = 0
  const sla = { policy: null, calendar: null }
  for (let start = 0; start < options.incidents; start += perTransaction) {
    const end = Math.min(options.incidents, start + perTransaction)
    const incidentValues: InValue[][] = []
    const eventValues: InValue[][] = []
    for (let i = start; i < end; i++) {
      const createdAt = options.now - (options.incidents - 1 - i) * reportEveryMs
      const textIndex = Math.floor(rand() * texts.length)
      const symptoms = texts[textIndex] ?? ''
      let reasoning = reasonings.get(textIndex)
      if (!reasoning) {
        reasoning = triage({ symptoms, answers: {}, context: {}, createdAt }, { classifier })
        reasonings.set(textIndex, reasoning)
      }
      const id = `inc_seed${String(i).padStart(8, '0')}`
      const name = firstNames[i % firstNames.length] ?? 'Ada'
      const base = newIncident({
        id,
        appId: 'app_demo',
        idempotencyKey: null,
        requestHash: 'seed',
        reasoning,
        symptoms,
        answers: { impact: 'me', workaround: i % 3 === 0 ? 'yes' : 'no' },
        context: { url: `https://app.example/${['login', 'checkout', 'dashboard', 'reports'][i % 4]}`, locale: i % 5 === 0 ? 'fr-FR' : 'en-GB' },
        contact: { name: `${name} ${i}`, email: `${name.toLowerCase()}.${i}@example.com` },
        sla,
        now: createdAt,
      })
      const created = firstEvents(reasoning, createdAt, { status: 'new' }).map((event, n) => ({ ...event, id: `evt_seed${String(i).padStart(8, '0')}c${n}` }))
      const { incident, events } = lifeOf(base, created, options.now - createdAt, rand)
      incidentValues.push(driverValues(incidentColumns, { ...incident, number: i + 1 }))
      for (const event of events) eventValues.push(driverValues(eventColumns, { ...event, incidentId: id }))
    }
    const statements: { sql: string; args: InValue[] }[] = []
    for (let at = 0; at < incidentValues.length; at += incidentsPerStatement) {
      const rows = incidentValues.slice(at, at + incidentsPerStatement)
      statements.push({
        sql: multiRowInsert(
          'incidents',
          incidentColumns.map(([, c]) => c),
          rows.length,
        ),
        args: rows.flat(),
      })
    }
    for (let at = 0; at < eventValues.length; at += eventsPerStatement) {
      const rows = eventValues.slice(at, at + eventsPerStatement)
      statements.push({
        sql: multiRowInsert(
          'incident_events',
          eventColumns.map(([, c]) => c),
          rows.length,
        ),
        args: rows.flat(),
      })
    }
    await client.batch(statements, 'write')
    eventCount += eventValues.length
    if ((end / perTransaction) % 10 === 0 || end === options.incidents) {
      log(`  seeded ${end.toLocaleString('en-US')} incidents (${eventCount.toLocaleString('en-US')} events) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
  }
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  client.close()
  // Written with synchronous=OFF, the file's gigabytes sit in the OS's cache as dirty pages; the
  // kernel flushing them while the server starts made its startup 6-10 s at 1M (0.9-1.4 s on a
  // restart). The seed hands over a file at rest: the flush counts in the seeding time.
  const path = options.databaseUrl.replace(/^file:/, '')
  const file = openSync(path, 'r+')
  try {
    fsyncSync(file)
  } finally {
    closeSync(file)
  }
  return { ms: performance.now() - started, events: eventCount }
}

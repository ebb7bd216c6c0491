/**
 * Metrics from rollups give exactly the figures of summarizing every ticket of the window, the
 * way GET /v1/metrics computed them before rollups (kept below as the reference): on a fixed,
 * seeded history of 14 months, for whole and partial months and days, for each tier set, and
 * again after tickets change and time passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DurationStats, Metrics, MetricsGroup, SlaStats } from '@triage/protocol'
import { appMetrics } from '../src/metrics/app-metrics.ts'
import { readMetricTickets } from '../src/metrics/rollups.ts'
import { metricTickets } from '../src/storage/metric-rollups.ts'
import type { NewIncident } from '../src/storage/incidents.ts'
import { findIncident, insertIncidentsOnce, updateIncidentIfUnchanged } from '../src/storage/incidents.ts'
import { newIncident } from '../src/reports/new-incident.ts'
import type { Reasoning } from '@triage/protocol'
import { turnsDuring } from '@triage/testing/event-loop-turns'
import type { TestServer } from './harness.ts'
import { startTestServer } from './harness.ts'

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
const start = Date.parse('2025-10-03T05:17:00Z')
const end = Date.parse('2026-12-04T13:45:00Z')
let clock = end
let server: TestServer

// ---- The reference: metrics as computed before rollups, from every ticket of the window. ----
type Ticket = Awaited<ReturnType<typeof metricTickets>>[number]
function percentile(sorted: number[], share: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? null
}
function durations(values: number[]): DurationStats {
  const minutes = values.map((ms) => Math.round((ms / 60_000) * 10) / 10).sort((a, b) => a - b)
  return { count: minutes.length, medianMinutes: percentile(minutes, 0.5), p90Minutes: percentile(minutes, 0.9) }
}
function sla(rows: Ticket[], reached: (row: Ticket) => number | null, due: (row: Ticket) => number | null, now: number): SlaStats {
  let met = 0
  let breached = 0
  for (const row of rows) {
    const at = reached(row)
    const by = due(row)
    if (by === null) continue
    if (at !== null && at <= by) met++
    else if ((at ?? now) > by) breached++
  }
  return { attainment: met + breached === 0 ? null : Math.round((met / (met + breached)) * 1000) / 1000, met, breached }
}
function group(rows: Ticket[], now: number): MetricsGroup {
  return {
    tickets: rows.length,
    timeToFirstResponse: durations(rows.flatMap((row) => (row.firstResponseAt === null ? [] : [row.firstResponseAt - row.createdAt]))),
    timeToResolve: durations(rows.flatMap((row) => (row.resolvedAt === null ? [] : [row.resolvedAt - row.createdAt]))),
    firstResponseSla: sla(
      rows,
      (row) => row.firstResponseAt,
      (row) => row.firstResponseDueAt,
      now,
    ),
    resolutionSla: sla(
      rows,
      (row) => row.resolvedAt,
      (row) => row.resolutionDueAt,
      now,
    ),
  }
}
function groupBy(rows: Ticket[], key: (row: Ticket) => string, now: number): Record<string, MetricsGroup> {
  const groups = new Map<string, Ticket[]>()
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row])
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, members]) => [name, group(members, now)]))
}
async function reference(from: number, to: number, tiers?: string[]): Promise<Omit<Metrics, 'backlog'>> {
  const rows = await metricTickets(server.db, 'app_demo', from, to, tiers)
  const now = clock
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    overall: group(rows, now),
    byPriority: groupBy(rows, (row) => row.priority, now),
    byCategory: groupBy(rows, (row) => row.category, now),
    byTier: groupBy(rows, (row) => row.tier, now),
  }
}

// ---- A fixed history: one ticket every ~3 h 10 min for 14 months, seeded, every kind of state. ----
function seeded(seed: number): () => number {
  let state = seed
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
}
const categories = ['access', 'billing', 'bug', 'performance', 'security']
const priorities = ['P1', 'P2', 'P3', 'P4'] as const
const tiers = ['L1', 'L2', 'L3'] as const

function history(): NewIncident[] {
  const random = seeded(7)
  const rows: NewIncident[] = []
  for (let at = start, n = 0; at < end; at += 190 * minute + Math.floor(random() * 40) * minute, n++) {
    const priority = priorities[Math.floor(random() * 4)] ?? 'P3'
    const reasoning = {
      kind: { value: 'incident', confidence: 1, reasons: [] },
      category: { value: categories[n % categories.length], confidence: 0.9, reasons: [] },
      priority: { value: priority, impact: 'low', urgency: 'low', reasons: [] },
      tier: { value: tiers[Math.floor(random() * 3)] ?? 'L1', reasons: [] },
    } as unknown as Reasoning
    const row = newIncident({
      id: `inc_metric${String(n).padStart(6, '0')}`,
      appId: 'app_demo',
      idempotencyKey: null,
      requestHash: 'seed',
      reasoning,
      symptoms: 'seeded',
      answers: {},
      context: {},
      contact: {},
      sla: { policy: null, calendar: null },
      now: at,
    })
    const roll = random()
    // Answered (sometimes late, sometimes in the same second), resolved, or still waiting.
    if (roll < 0.8) row.firstResponseAt = Math.min(end, at + Math.floor(random() * 5 * hour))
    if (roll < 0.6) row.resolvedAt = Math.min(end, at + Math.floor(random() * 4 * day))
    if (roll > 0.97) row.firstResponseDueAt = null
    row.updatedAt = Math.max(at, row.firstResponseAt ?? 0, row.resolvedAt ?? 0)
    rows.push(row)
  }
  return rows
}

beforeAll(async () => {
  server = await startTestServer({ now: () => clock })
  const rows = history()
  for (let at = 0; at < rows.length; at += 200) {
    const written = await insertIncidentsOnce(
      server.db,
      rows.slice(at, at + 200).map((incident) => ({ incident, events: [] })),
    )
    expect(written.every((row) => !(row instanceof Error))).toBe(true)
  }
}, 60_000)
afterAll(() => server.stop())

const windows: [string, number, number][] = [
  ['the whole history', start - day, end + day],
  ['a year to now', end - 365 * day, end],
  ['30 days to now', end - 30 * day, end],
  ['whole months (Feb–Jul 2026)', Date.parse('2026-02-01T00:00:00Z'), Date.parse('2026-08-01T00:00:00Z')],
  ['whole days inside one month', Date.parse('2026-03-04T00:00:00Z'), Date.parse('2026-03-19T00:00:00Z')],
  ['partial days at both ends across a month boundary', Date.parse('2026-04-27T13:05:00Z'), Date.parse('2026-06-02T08:30:00Z')],
  ['part of one day', Date.parse('2026-05-10T03:00:00Z'), Date.parse('2026-05-10T21:00:00Z')],
  ['nothing in it', Date.parse('2024-01-01T00:00:00Z'), Date.parse('2024-02-01T00:00:00Z')],
]

async function expectSameFigures() {
  for (const [name, from, to] of windows) {
    for (const visible of [undefined, ['L1'], ['L1', 'L2']]) {
      const { backlog: _backlog, ...figures } = await appMetrics(server.services, 'app_demo', from, to, visible)
      expect(figures, `${name}, tiers ${visible?.join('+') ?? 'all'}`).toEqual(await reference(from, to, visible))
    }
  }
}

describe('metrics from rollups', () => {
  it('read a busy day a page at a time, letting the event loop turn between pages, and miss no ticket', async () => {
    const from = Date.parse('2026-02-01T00:00:00Z')
    const to = Date.parse('2026-04-01T00:00:00Z')
    const whole = await metricTickets(server.db, 'app_demo', from, to)
    expect(whole.length).toBeGreaterThan(400)
    const { result: paged, turns } = await turnsDuring(() => readMetricTickets(server.services, 'app_demo', from, to, undefined, 40))
    expect(paged).toEqual(whole)
    expect(turns).toBeGreaterThanOrEqual(Math.floor(whole.length / 40) - 1)
  })

  it('match the figures of every ticket of the window, for every window and tier set', async () => {
    await expectSameFigures()
  })

  it('still match after tickets change (answered, resolved, escalated, recategorized, reopened) and time passes', async () => {
    clock = end + 2 * hour
    const changes: [string, Partial<NewIncident>][] = [
      ['inc_metric000100', { firstResponseAt: clock, resolvedAt: clock }],
      ['inc_metric000500', { tier: 'L3', category: 'billing' }],
      ['inc_metric001200', { resolvedAt: null, priority: 'P1' }],
      ['inc_metric002800', { firstResponseAt: clock - hour }],
    ]
    for (const [id, fields] of changes) {
      const current = await findIncident(server.db, 'app_demo', id)
      if (!current) throw new Error(`${id} was not seeded`)
      expect(await updateIncidentIfUnchanged(server.db, current, { ...fields, updatedAt: clock }, [], `rev_${id}`)).toBeDefined()
    }
    await expectSameFigures()
  })

  it('count a target as breached once its due time passes, with no change to the ticket', async () => {
    const waiting = (await reference(end - 30 * day, end)).overall.resolutionSla
    clock = end + 30 * day
    const later = await appMetrics(server.services, 'app_demo', end - 30 * day, end)
    expect(later.overall.resolutionSla.breached).toBeGreaterThan(waiting.breached)
    await expectSameFigures()
  })

  it('read a month that ended since its last change as a whole month, made when first asked', async () => {
    // December 2026 was the current month when its tickets last changed; by now it is over.
    const [from, to] = [Date.parse('2026-11-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z')]
    const { backlog: _backlog, ...figures } = await appMetrics(server.services, 'app_demo', from, to)
    expect(figures).toEqual(await reference(from, to))
    expect(figures.overall.tickets).toBeGreaterThan(200)
  })
})

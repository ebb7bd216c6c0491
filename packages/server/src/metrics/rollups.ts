/**
 * Keeps an app's metric rollups current and reads them. They are a cache of the incidents
 * table, caught up on demand: the days whose tickets changed since the last catch-up (read
 * through the `(app_id, updated_at)` index) are summarized again from their tickets, then the
 * months that are over from their days. Nothing on the write path: a report costs the same with
 * or without metrics.
 *
 * The work goes a day at a time and gives the event loop back in between, so catching up on a
 * long history (the first call on an old database) never holds other requests for long.
 */
import type { ServiceContext } from '../domain/context.ts'
import { yieldToEventLoop } from '../event-loop.ts'
import type { ChangePosition, RollupRow, TicketPosition } from '../storage/metric-rollups.ts'
import {
  changedSince,
  firstCreatedAt,
  lastUpdatedAt,
  metricTickets,
  readRollupData,
  readRollupVersions,
  replaceRollups,
  rollupsSyncedTo,
  setRollupsSyncedTo,
} from '../storage/metric-rollups.ts'
import type { PeriodKey } from './periods.ts'
import { dayKey, dayOf, daysOfMonth, monthEndedBy, monthKeyOfDay } from './periods.ts'
import { decodeSummary, encodeSummary } from './summary-codec.ts'
import type { MetricTicket, Summary } from './summary.ts'
import { mergeSummaries, summarize } from './summary.ts'

const dayMs = 86_400_000
/**
 * Changes are read again this far back: a write takes its `updated_at` a moment before it
 * commits, so a catch-up may not see it yet. What this process already folded in is skipped.
 */
const settleMs = 10_000
// Each change read costs a row lookup (created_at is not in the index walked): on a cold 1M-incident
// file a page of 1,000 held the event loop 273 ms, one of 250 about 60 ms (bench/scale).
const changesPerRead = 250
/** A month's rollup rows end with this one, so a month with no tickets still reads as done. */
const monthDone = '-'

interface AppState {
  catchingUp: Promise<void> | undefined
  /** Changes of the settle window already folded in: rowid → updated_at. */
  folded: Map<number, number>
}

// Per database and app, in this process. On Workers every isolate keeps its own (a change is then
// folded in twice at most, which is harmless).
const states = new WeakMap<object, Map<string, AppState>>()

function stateOf(context: ServiceContext, appId: string): AppState {
  let byApp = states.get(context.db)
  if (!byApp) states.set(context.db, (byApp = new Map()))
  let state = byApp.get(appId)
  if (!state) byApp.set(appId, (state = { catchingUp: undefined, folded: new Map() }))
  return state
}

/** Brings the app's rollups up to date with every change to its incidents so far. */
export function catchUpRollups(context: ServiceContext, appId: string): Promise<void> {
  const state = stateOf(context, appId)
  state.catchingUp ??= catchUp(context, appId, state).finally(() => (state.catchingUp = undefined))
  return state.catchingUp
}

async function catchUp(context: ServiceContext, appId: string, state: AppState): Promise<void> {
  let synced = await rollupsSyncedTo(context.db, appId)
  const days = new Set<number>()
  // Never caught up (a new server on an old history): every day from the app's first ticket is
  // summarized, and only the changes of the settle window are read. Walking the whole history's
  // changes to learn which days they touch read a row per ticket: a million at 1M incidents.
  if (synced === undefined) {
    const first = await firstCreatedAt(context.db, appId)
    const last = await lastUpdatedAt(context.db, appId)
    if (first === undefined || last === undefined) return
    for (let day = dayOf(first), end = Math.max(dayOf(context.now()), dayOf(last)); day <= end; day++) days.add(day)
    synced = last
  }
  const since = Math.max(0, synced - settleMs)
  const seen = new Map<number, number>()
  let latest = since
  let after: ChangePosition | undefined
  for (;;) {
    const changes = await changedSince(context.db, appId, since, after, changesPerRead)
    for (const change of changes) {
      latest = Math.max(latest, change.updatedAt)
      seen.set(change.rowid, change.updatedAt)
      if (state.folded.get(change.rowid) !== change.updatedAt) days.add(dayOf(change.createdAt))
    }
    const last = changes[changes.length - 1]
    if (!last || changes.length < changesPerRead) break
    after = { updatedAt: last.updatedAt, rowid: last.rowid }
    await yieldToEventLoop()
  }
  const today = dayOf(context.now())
  const months = new Set<PeriodKey>()
  for (const day of [...days].sort((a, b) => a - b)) {
    await summarizeDay(context, appId, day)
    const month = monthKeyOfDay(day)
    if (monthEndedBy(month, today)) months.add(month)
    await yieldToEventLoop()
  }
  for (const month of months) {
    await summarizeMonth(context, appId, month)
    await yieldToEventLoop()
  }
  state.folded = new Map([...seen].filter(([, updatedAt]) => updatedAt >= latest - settleMs))
  if (latest > since) await setRollupsSyncedTo(context.db, appId, latest)
}

function rollupRows(appId: string, period: PeriodKey, byTier: Map<string, Summary>, computedAt: number): RollupRow[] {
  return [...byTier].map(([tier, summary]) => ({ appId, period, tier, ...encodeSummary(summary), computedAt }))
}

function groupByTier<T extends { tier: string }>(items: readonly T[]): Map<string, T[]> {
  const byTier = new Map<string, T[]>()
  for (const item of items) {
    const ofTier = byTier.get(item.tier)
    if (ofTier) ofTier.push(item)
    else byTier.set(item.tier, [item])
  }
  return byTier
}

/** Summaries per tier of tickets read from the incidents table, as of `asOf`. */
export function summarizeByTier(tickets: readonly MetricTicket[], asOf: number): Map<string, Summary> {
  return new Map([...groupByTier(tickets)].map(([tier, ofTier]) => [tier, summarize(ofTier, asOf)]))
}

/**
 * An app's tickets created in [from, to), read a page at a time with the event loop let go
 * between pages: libSQL's file binding is synchronous, and the day of an outage holds 10,000
 * reports (read whole, it held every other request for 300 ms).
 */
export async function readMetricTickets(context: ServiceContext, appId: string, from: number, to: number, tiers?: string[], pageSize = 500): Promise<MetricTicket[]> {
  const tickets: MetricTicket[] = []
  let after: TicketPosition | undefined
  for (;;) {
    const page = await metricTickets(context.db, appId, from, to, tiers, after, pageSize)
    tickets.push(...page)
    const last = page[page.length - 1]
    if (!last || page.length < pageSize) return tickets
    after = { createdAt: last.createdAt, id: last.id }
    await yieldToEventLoop()
  }
}

async function summarizeDay(context: ServiceContext, appId: string, day: number): Promise<void> {
  const asOf = context.now()
  const tickets = await readMetricTickets(context, appId, day * dayMs, (day + 1) * dayMs)
  await replaceRollups(context.db, appId, [dayKey(day)], rollupRows(appId, dayKey(day), summarizeByTier(tickets, asOf), asOf))
}

async function summarizeMonth(context: ServiceContext, appId: string, month: PeriodKey): Promise<void> {
  const { first, last } = daysOfMonth(month)
  const days = Array.from({ length: last - first + 1 }, (_, i) => dayKey(first + i))
  const rows = await readRollupData(context.db, appId, days)
  const asOf = rows.reduce((latest, row) => Math.max(latest, row.computedAt), 0) || context.now()
  const byTier = new Map([...groupByTier(rows)].map(([tier, ofTier]) => [tier, mergeSummaries(ofTier.map(decodeSummary))]))
  const marker: RollupRow = { appId, period: month, tier: monthDone, summary: '[]', durations: '', computedAt: asOf }
  await replaceRollups(context.db, appId, [month], [...rollupRows(appId, month, byTier, asOf), marker])
}

/**
 * Decoded summaries, shared by requests: a dashboard asks for the same months again and again.
 * Keyed by row and its `computed_at`, so a summary made again is read again. Bounded by the
 * number of durations held (4 bytes each).
 */
const decoded = new Map<string, { summary: Summary; size: number }>()
let decodedSize = 0
const maxDecodedValues = 8_000_000

function remember(key: string, summary: Summary): Summary {
  const existing = decoded.get(key)
  if (existing) {
    // Re-inserted, so it counts as the most recently used.
    decoded.delete(key)
    decodedSize -= existing.size
  }
  let size = 0
  for (const part of summary.values()) size += part.firstResponse.durations.length + part.resolution.durations.length + 16
  decoded.set(key, { summary, size })
  decodedSize += size
  for (const [oldest, entry] of decoded) {
    if (decodedSize <= maxDecodedValues) break
    decoded.delete(oldest)
    decodedSize -= entry.size
  }
  return summary
}

/**
 * The stored summaries of some periods, per tier, for tiers in `tiers` (all when undefined).
 * A month that is over but was never summarized (it ended since its last change) is made now.
 */
export async function readSummaries(context: ServiceContext, appId: string, periods: PeriodKey[], tiers?: string[]): Promise<{ period: string; tier: string; summary: Summary }[]> {
  let versions = await readRollupVersions(context.db, appId, periods)
  const done = new Set(versions.filter((version) => version.tier === monthDone).map((version) => version.period))
  const missing = periods.filter((period) => period.startsWith('m:') && !done.has(period))
  if (missing.length > 0) {
    for (const month of missing) await summarizeMonth(context, appId, month)
    versions = await readRollupVersions(context.db, appId, periods)
  }
  const wanted = versions.filter((version) => version.tier !== monthDone && (!tiers || tiers.includes(version.tier)))
  const keyOf = (row: { period: string; tier: string; computedAt: number }) => `${appId}|${row.period}|${row.tier}|${row.computedAt}`
  const toRead = wanted.filter((version) => !decoded.has(keyOf(version)))
  const fresh = new Map<string, Summary>()
  for (const row of await readRollupData(context.db, appId, [...new Set(toRead.map((version) => version.period))])) {
    if (!decoded.has(keyOf(row))) fresh.set(keyOf(row), decodeSummary(row))
  }
  const summaries = wanted.map((version) => {
    const key = keyOf(version)
    const cached = decoded.get(key)
    const summary = cached?.summary ?? fresh.get(key)
    // A row summarized again between the two reads: a later catch-up reads the new one.
    if (!summary) throw new Error(`the metric rollup ${key} changed while it was read; ask again`)
    return { period: version.period, tier: version.tier, summary, key }
  })
  for (const { key, summary } of summaries) remember(key, summary)
  return summaries.map(({ period, tier, summary }) => ({ period, tier, summary }))
}

/**
 * Keeps an app's metric rollups current. They are a cache of the incidents table, caught up on
 * demand: the days whose tickets changed since the last catch-up (read through the
 * `(app_id, updated_at)` index) are summarized again from their tickets, then their months from
 * their days. Nothing on the write path: a report costs the same with or without metrics.
 *
 * The work goes a day at a time and gives the event loop back in between, so catching up on a
 * long history (the first call on an old database) never holds other requests for long.
 */
import type { ServiceContext } from '../services/context.ts'
import type { ChangePosition, RollupRow } from '../storage/metric-rollups.ts'
import { changedSince, metricTickets, readRollups, replaceRollups, rollupsSyncedTo, setRollupsSyncedTo } from '../storage/metric-rollups.ts'
import type { PeriodKey } from './periods.ts'
import { dayKey, dayOf, daysOfMonth, monthKeyOfDay } from './periods.ts'
import { decodeSummary, encodeSummary } from './summary-codec.ts'
import type { MetricTicket, Summary } from './summary.ts'
import { mergeSummaries, summarize } from './summary.ts'

const dayMs = 86_400_000
/**
 * Changes are read again this far back: a write takes its `updated_at` a moment before it
 * commits, so a catch-up may not see it yet; summarizing a day twice is harmless.
 */
const settleMs = 10_000
const changesPerRead = 5_000

/** Lets I/O callbacks and other requests run between two slices of work. */
const yieldToEventLoop = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)))

// One catch-up per app and database at a time in this process; callers meanwhile share it.
const running = new WeakMap<object, Map<string, Promise<void>>>()

/** Brings the app's rollups up to date with every change to its incidents so far. */
export function catchUpRollups(context: ServiceContext, appId: string): Promise<void> {
  let byApp = running.get(context.db)
  if (!byApp) running.set(context.db, (byApp = new Map()))
  const current = byApp.get(appId)
  if (current) return current
  const apps = byApp
  const work = catchUp(context, appId).finally(() => apps.delete(appId))
  apps.set(appId, work)
  return work
}

async function catchUp(context: ServiceContext, appId: string): Promise<void> {
  const since = Math.max(0, ((await rollupsSyncedTo(context.db, appId)) ?? 0) - settleMs)
  const days = new Set<number>()
  let latest = since
  let after: ChangePosition | undefined
  for (;;) {
    const changes = await changedSince(context.db, appId, since, after, changesPerRead)
    for (const change of changes) {
      days.add(dayOf(change.createdAt))
      latest = Math.max(latest, change.updatedAt)
    }
    const last = changes[changes.length - 1]
    if (!last || changes.length < changesPerRead) break
    after = { updatedAt: last.updatedAt, rowid: last.rowid }
    await yieldToEventLoop()
  }
  const months = new Set<PeriodKey>()
  for (const day of [...days].sort((a, b) => a - b)) {
    await summarizeDay(context, appId, day)
    months.add(monthKeyOfDay(day))
    await yieldToEventLoop()
  }
  for (const month of months) {
    await summarizeMonth(context, appId, month)
    await yieldToEventLoop()
  }
  if (days.size > 0) await setRollupsSyncedTo(context.db, appId, latest)
}

function rollupRows(appId: string, period: PeriodKey, byTier: Map<string, Summary>, computedAt: number): RollupRow[] {
  return [...byTier].map(([tier, summary]) => ({ appId, period, tier, ...encodeSummary(summary), computedAt }))
}

async function summarizeDay(context: ServiceContext, appId: string, day: number): Promise<void> {
  const asOf = context.now()
  const tickets = await metricTickets(context.db, appId, day * dayMs, (day + 1) * dayMs)
  const byTier = new Map<string, MetricTicket[]>()
  for (const ticket of tickets) {
    const ofTier = byTier.get(ticket.tier)
    if (ofTier) ofTier.push(ticket)
    else byTier.set(ticket.tier, [ticket])
  }
  const summaries = new Map([...byTier].map(([tier, ofTier]) => [tier, summarize(ofTier, asOf)]))
  await replaceRollups(context.db, appId, [dayKey(day)], rollupRows(appId, dayKey(day), summaries, asOf))
}

async function summarizeMonth(context: ServiceContext, appId: string, month: PeriodKey): Promise<void> {
  const { first, last } = daysOfMonth(month)
  const days = Array.from({ length: last - first + 1 }, (_, i) => dayKey(first + i))
  const rows = await readRollups(context.db, appId, days)
  const byTier = new Map<string, Summary[]>()
  let asOf = 0
  for (const row of rows) {
    const summary = decodeSummary(row)
    const ofTier = byTier.get(row.tier)
    if (ofTier) ofTier.push(summary)
    else byTier.set(row.tier, [summary])
    asOf = Math.max(asOf, row.computedAt)
  }
  const merged = new Map([...byTier].map(([tier, summaries]) => [tier, mergeSummaries(summaries)]))
  await replaceRollups(context.db, appId, [month], rollupRows(appId, month, merged, asOf || context.now()))
}

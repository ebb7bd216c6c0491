/**
 * The follow hub at the cost of few: what changed is found per app, not per follower; this
 * process's writes reach followers at once; another process's writes at the next check; and
 * many changed reports are built in a few bulk reads.
 */
import { createClient } from '@libsql/client'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ServiceContext } from '../src/domain/context.ts'
import type { Follower, ReportUpdate } from '../src/reports/follow-hub.ts'
import { followHub } from '../src/reports/follow-hub.ts'
import { reporterTokenFor } from '../src/security/keys.ts'
import { findIncidentById, updateIncidentIfUnchanged } from '../src/storage/incidents.ts'
import { incidentsChanged, onIncidentsChanged } from '../src/storage/change-signal.ts'
import { openLibsql } from '../src/storage/open-libsql.ts'
import type { Database } from '../src/db/database.ts'
import { insertAppWithKeys, insertReportedIncident } from './harness.ts'

const secret = 'follow-hub-test'
let folder: string
let url: string
let db: Database
let close: () => void
let appId: string
let selects = 0

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'triage-hub-'))
  url = `file:${join(folder, 'hub.db')}`
  ;({ db, close } = await openLibsql({ url }))
  ;({ appId } = await insertAppWithKeys(db, 'Hub test'))
})
afterAll(() => {
  close()
  rmSync(folder, { recursive: true, force: true })
})

/** The hub's database, counting the reads it starts. */
function countingContext(): ServiceContext {
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'select') selects++
      return Reflect.get(target, property, receiver)
    },
  })
  return { db: counted, reporterSecret: secret, now: Date.now }
}

/** The hub's database, counting the rows its reads return. */
function rowCountingContext(count: (rows: number) => void): ServiceContext {
  // Drizzle's builders return themselves from where/orderBy/limit, so the proxy stays in the chain.
  const counting = (builder: object): object =>
    new Proxy(builder, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown
        if (property === 'then' && typeof value === 'function') {
          return (done: (rows: unknown) => unknown, failed: (error: unknown) => unknown) =>
            (value as (a: unknown, b: unknown) => unknown).call(target, (rows: unknown) => (count(Array.isArray(rows) ? rows.length : 0), done(rows)), failed)
        }
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(receiver, args)
          return result === receiver || result === null || typeof result !== 'object' ? result : counting(result)
        }
      },
    })
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown
      return property === 'select' && typeof value === 'function' ? (...args: unknown[]) => counting((value as (...a: unknown[]) => object).apply(target, args)) : value
    },
  })
  return { db: counted, reporterSecret: secret, now: Date.now }
}

function recorder() {
  const updates: ReportUpdate[] = []
  const follower: Follower = { update: (update) => updates.push(update), keepAlive: () => {}, end: () => {} }
  return { follower, updates }
}

async function resolve(id: string, note: string) {
  const current = await findIncidentById(db, id)
  if (!current) throw new Error(`${id} is gone`)
  const now = Date.now()
  await updateIncidentIfUnchanged(
    db,
    current,
    { status: 'resolved', resolvedAt: now, publicNote: note, updatedAt: now },
    [{ id: `evt_${id}_r`, type: 'resolved', actor: 'ada', visibility: 'public', data: { body: note }, at: now }],
    `rev_${id}_${now}`,
  )
}

describe('the follow hub', () => {
  it('checks an app for changes with a handful of reads, however many reports and followers it follows', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      const hub = followHub(countingContext(), { pollMs: 1_000, maxMs: 600_000 })
      const stops: (() => void)[] = []
      for (let i = 0; i < 250; i++) {
        const id = await insertReportedIncident(db, appId, `Idle report ${i}`, Date.now())
        for (let j = 0; j < 2; j++) stops.push(await hub.follow(id, await reporterTokenFor(secret, id), recorder().follower))
      }
      selects = 0
      // Ten checks of 250 reports followed by 500 streams, with nothing changing: one read each.
      for (let tick = 0; tick < 10; tick++) {
        await vi.advanceTimersByTimeAsync(1_000)
        await vi.waitFor(() => expect(selects).toBeGreaterThanOrEqual(tick + 1))
      }
      expect(selects).toBeLessThanOrEqual(10)
      for (const stop of stops) stop()
    } finally {
      vi.useRealTimers()
    }
  })

  it("sends this process's write at once, without waiting for the next check", async () => {
    const hub = followHub({ db, reporterSecret: secret, now: Date.now }, { pollMs: 3_600_000, maxMs: 600_000 })
    const id = await insertReportedIncident(db, appId, 'Checkout spins', Date.now())
    const { follower, updates } = recorder()
    const stop = await hub.follow(id, await reporterTokenFor(secret, id), follower)
    expect(updates.map((update) => update.view.status)).toEqual(['new'])
    await resolve(id, 'Fixed, try again')
    await vi.waitFor(() => expect(updates.map((update) => update.view.status)).toEqual(['new', 'resolved']), { timeout: 2_000 })
    expect(updates[1]?.view.timeline.at(-1)?.body).toBe('Fixed, try again')
    stop()
  })

  it("finds another process's write at its next check, and builds many changed reports in bulk", async () => {
    const hub = followHub(countingContext(), { pollMs: 200, maxMs: 600_000 })
    const ids: string[] = []
    const seen = new Map<string, string[]>()
    const stops: (() => void)[] = []
    for (let i = 0; i < 150; i++) {
      const id = await insertReportedIncident(db, appId, `Outage report ${i}`, Date.now())
      ids.push(id)
      const statuses: string[] = []
      seen.set(id, statuses)
      stops.push(await hub.follow(id, await reporterTokenFor(secret, id), { update: (update) => statuses.push(update.view.status), keepAlive: () => {}, end: () => {} }))
    }
    // Another process: its own connection to the same file, unheard by this one's change signal.
    const other = createClient({ url })
    const now = Date.now()
    await other.execute({
      sql: `update incidents set status = 'resolved', resolved_at = ?, updated_at = ?, revision = 'rev_elsewhere_' || id where id in (${ids.map(() => '?').join(', ')})`,
      args: [now, now, ...ids],
    })
    other.close()
    selects = 0
    await vi.waitFor(() => expect([...seen.values()].every((statuses) => statuses.at(-1) === 'resolved')).toBe(true), { timeout: 5_000 })
    // 150 changed reports: a check, then 2 reads of incidents and 2 of timelines (100 a read), and the app's settings.
    expect(selects).toBeLessThan(12)
    for (const stop of stops) stop()
  })

  it("reads a burst of this process's own writes once, not again at every commit while it settles", async () => {
    let rowsRead = 0
    const context = rowCountingContext((rows) => (rowsRead += rows))
    // Writes go to the real handle; the hub listens on its counting one: pass the signal on.
    const unbridge = onIncidentsChanged(db, (apps) => incidentsChanged(context.db, apps))
    // No settling check in this test (an hour apart): only the change signal wakes the hub.
    const hub = followHub(context, { pollMs: 3_600_000, maxMs: 600_000 })
    const followedId = await insertReportedIncident(db, appId, 'The outage everyone follows', Date.now())
    const { follower, updates } = recorder()
    const stop = await hub.follow(followedId, await reporterTokenFor(secret, followedId), follower)
    const others: string[] = []
    for (let i = 0; i < 200; i++) others.push(await insertReportedIncident(db, appId, `Burst report ${i}`, Date.now()))
    rowsRead = 0
    // 200 changes committed one after another, each heard at once; then the followed report's.
    for (const id of others) await resolve(id, 'Fixed')
    await resolve(followedId, 'Fixed for everyone')
    await vi.waitFor(() => expect(updates.map((update) => update.view.status)).toEqual(['new', 'resolved']), { timeout: 5_000 })
    // Each change is read about once (plus the followed report's view): re-reading the last five
    // seconds at every commit read ~40,000 rows here.
    expect(rowsRead).toBeLessThan(2 * 201)
    stop()
    unbridge()
  })
})

/**
 * A new process catches up on an app's history a page at a time, giving the event loop back in
 * between: every incident of several pages is found, the least recently changed go first when the
 * limit is reached, and other work runs while it reads.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ServiceContext } from '../src/domain/context.ts'
import type { Database } from '../src/db/database.ts'
import { newIncident, firstEvents } from '../src/reports/new-incident.ts'
import { similarIndexFor } from '../src/similar/app-index.ts'
import { insertIncidentsOnce } from '../src/storage/incidents.ts'
import { openLibsql } from '../src/storage/open-libsql.ts'
import { triage } from '@triage/engine'
import { insertAppWithKeys } from './harness.ts'

let db: Database
let close: () => void
let appId: string
const start = Date.UTC(2026, 10, 1)
const count = 2_600

beforeAll(async () => {
  ;({ db, close } = await openLibsql({ url: ':memory:' }))
  ;({ appId } = await insertAppWithKeys(db, 'Paging'))
  const reasoning = triage({ symptoms: 'printer jams', createdAt: start })
  for (let at = 0; at < count; at += 200) {
    const writes = Array.from({ length: Math.min(200, count - at) }, (_, i) => {
      const n = at + i
      const incident = newIncident({
        id: `inc_page${String(n).padStart(5, '0')}`,
        appId,
        idempotencyKey: null,
        requestHash: 'test',
        reasoning,
        symptoms: `printer jams word${n}x`,
        answers: {},
        context: {},
        contact: {},
        sla: { policy: null, calendar: null },
        now: start + n * 1_000,
      })
      return { incident, events: firstEvents(reasoning, start + n * 1_000, { status: 'new' }) }
    })
    await insertIncidentsOnce(db, writes)
  }
}, 60_000)
afterAll(() => close())

it('reads every incident over several pages, and keeps the most recently changed when over its limit', async () => {
  const context: ServiceContext = { db, reporterSecret: 'test', now: () => start + count * 1_000, similarIndexLimit: 2_400 }
  let turns = 0
  const ticking = setInterval(() => turns++, 0)
  const { index, details } = await similarIndexFor(context, appId)
  clearInterval(ticking)
  expect(details.size).toBe(2_400)
  // The oldest 200 went; the newest and one in the middle of the pages are there.
  expect(details.has('inc_page00199')).toBe(false)
  for (const n of [200, 1_300, count - 1]) expect(index.search(`word${n}x`, { limit: 1 })[0]?.id).toBe(`inc_page${String(n).padStart(5, '0')}`)
  // Other work ran while it read and folded in pages.
  expect(turns).toBeGreaterThan(2)
})

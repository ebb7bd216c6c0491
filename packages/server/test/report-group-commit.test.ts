import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ReportCreated } from '@triage/protocol'
import { newId } from '../src/ids.ts'
import type { IncidentRow, NewEvent, NewIncident } from '../src/storage/incidents.ts'
import { findIncident, insertIncidentOnce, listEvents } from '../src/storage/incidents.ts'
import type { TestServer } from './harness.ts'
import { createOtherApp, postReport, startTestServer } from './harness.ts'

// Concurrent report inserts share one transaction (storage/group-commit.ts); these pin what each
// caller still gets: its own number, its own events, idempotency, and isolation from a bad neighbour.

let server: TestServer
/** A stored incident written by the real report path, as the shape of new ones. */
let template: NewIncident

beforeAll(async () => {
  server = await startTestServer()
  const created = (await (await postReport(server, server.publishableKey, { symptoms: 'Checkout fails with an error' })).json()) as ReportCreated
  const stored = await findIncident(server.db, 'app_demo', created.id)
  if (!stored) throw new Error('the template report was not stored')
  const { number: _number, ...rest } = stored
  template = rest
})
afterAll(() => server.stop())
afterEach(() => vi.restoreAllMocks())

function newIncident(appId: string, changes: Partial<NewIncident> = {}): NewIncident {
  return { ...template, id: newId('inc'), appId, idempotencyKey: null, revision: newId('rev'), ...changes }
}

function newEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: newId('evt'),
    type: index === 0 ? 'created' : 'commented',
    actor: 'reporter',
    visibility: 'public',
    data: { index },
    at: Date.now(),
  }))
}

const numbersOf = (rows: IncidentRow[]) => rows.map((row) => row.number).sort((a, b) => a - b)

describe('group commit of report inserts', () => {
  it('gives concurrent inserts of two apps gap-free numbers per app, each with its own events', async () => {
    const shop = await createOtherApp(server)
    const blog = await createOtherApp(server)
    const batches = vi.spyOn(server.db, 'batch')
    const writes = Array.from({ length: 60 }, (_, index) => ({
      incident: newIncident(index % 2 === 0 ? shop.appId : blog.appId),
      events: newEvents(1 + (index % 3)),
    }))

    const stored = await Promise.all(writes.map(({ incident, events }) => insertIncidentOnce(server.db, incident, events)))

    // 60 inserts in two transactions (at most 32 each), not 60.
    expect(batches).toHaveBeenCalledTimes(2)
    expect(stored.map((row) => row.id)).toEqual(writes.map(({ incident }) => incident.id))
    const range = Array.from({ length: 30 }, (_, index) => index + 1)
    expect(numbersOf(stored.filter((row) => row.appId === shop.appId))).toEqual(range)
    expect(numbersOf(stored.filter((row) => row.appId === blog.appId))).toEqual(range)
    for (const { incident, events } of writes) {
      const timeline = await listEvents(server.db, incident.id)
      expect(timeline.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort())
      expect(timeline.every((event) => event.incidentId === incident.id)).toBe(true)
    }
  })

  it('answers both inserts of one idempotency key in the same batch with the one incident', async () => {
    const app = await createOtherApp(server)
    const key = crypto.randomUUID()
    const first = { incident: newIncident(app.appId, { idempotencyKey: key }), events: newEvents(2) }
    const retry = { incident: newIncident(app.appId, { idempotencyKey: key }), events: newEvents(2) }
    const other = { incident: newIncident(app.appId, { idempotencyKey: crypto.randomUUID() }), events: newEvents(1) }
    const batches = vi.spyOn(server.db, 'batch')

    const [fromFirst, fromRetry, fromOther] = await Promise.all([first, retry, other].map(({ incident, events }) => insertIncidentOnce(server.db, incident, events)))

    expect(batches).toHaveBeenCalledTimes(1)
    expect(fromFirst?.id).toBe(first.incident.id)
    expect(fromRetry).toEqual(fromFirst)
    expect(await findIncident(server.db, app.appId, retry.incident.id)).toBeUndefined()
    expect(await listEvents(server.db, retry.incident.id)).toEqual([])
    expect((await listEvents(server.db, first.incident.id)).map((event) => event.id).sort()).toEqual(first.events.map((event) => event.id).sort())
    // The retry took no number: the next insert of the batch has the next one.
    expect([fromFirst?.number, fromOther?.number]).toEqual([1, 2])
  })

  it('answers an insert whose idempotency key an earlier incident holds with that incident', async () => {
    const app = await createOtherApp(server)
    const key = crypto.randomUUID()
    const original = await insertIncidentOnce(server.db, newIncident(app.appId, { idempotencyKey: key }), newEvents(1))
    const retry = newIncident(app.appId, { idempotencyKey: key })
    const next = newIncident(app.appId, { idempotencyKey: crypto.randomUUID() })

    // In one batch with a new incident, which takes the next number: the retry leaves no gap.
    const [fromRetry, fromNext] = await Promise.all([insertIncidentOnce(server.db, retry, newEvents(1)), insertIncidentOnce(server.db, next, newEvents(1))])
    expect(fromRetry).toEqual(original)
    expect(await listEvents(server.db, retry.id)).toEqual([])
    expect(fromNext?.number).toBe(original.number + 1)
  })

  it('writes the rest of a batch when one insert violates a constraint, and fails only that one', async () => {
    const app = await createOtherApp(server)
    const existing = await insertIncidentOnce(server.db, newIncident(app.appId), newEvents(1))
    const before = { incident: newIncident(app.appId), events: newEvents(2) }
    // The same id as a stored incident: the primary key refuses it.
    const clash = { incident: newIncident(app.appId, { id: existing.id }), events: newEvents(2) }
    const after = { incident: newIncident(app.appId), events: newEvents(2) }
    const batches = vi.spyOn(server.db, 'batch')

    const results = await Promise.allSettled([before, clash, after].map(({ incident, events }) => insertIncidentOnce(server.db, incident, events)))

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed: incidents\.id/)
    // The shared transaction failed as a whole, then each insert was written alone.
    expect(batches).toHaveBeenCalledTimes(4)
    const stored = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
    expect(stored.map((row) => row.id)).toEqual([before.incident.id, after.incident.id])
    expect(stored.map((row) => row.number)).toEqual([existing.number + 1, existing.number + 2])
    for (const { incident, events } of [before, after]) {
      expect((await listEvents(server.db, incident.id)).map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort())
    }
    expect(await listEvents(server.db, existing.id)).toHaveLength(1)
  })
})

// What the Worker does (ServiceContext.requestBoundIo): no request waits on a batch another writes.
describe('inserts written alone', () => {
  it('writes each concurrent insert in its own transaction, with gap-free numbers and exact idempotency', async () => {
    const app = await createOtherApp(server)
    const key = crypto.randomUUID()
    const writes = [
      ...Array.from({ length: 20 }, () => ({ incident: newIncident(app.appId), events: newEvents(2) })),
      ...Array.from({ length: 10 }, () => ({ incident: newIncident(app.appId, { idempotencyKey: key }), events: newEvents(1) })),
    ]
    const batches = vi.spyOn(server.db, 'batch')

    const stored = await Promise.all(writes.map(({ incident, events }) => insertIncidentOnce(server.db, incident, events, { alone: true })))

    expect(batches).toHaveBeenCalledTimes(30)
    const retries = stored.slice(20)
    expect(new Set(retries.map((row) => row.id)).size).toBe(1)
    expect(numbersOf([...stored.slice(0, 20), retries[0] as IncidentRow])).toEqual(Array.from({ length: 21 }, (_, index) => index + 1))
    for (const { incident, events } of writes.slice(0, 20)) {
      expect((await listEvents(server.db, incident.id)).map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort())
    }
  })

  it('fails only the insert that violates a constraint', async () => {
    const app = await createOtherApp(server)
    const existing = await insertIncidentOnce(server.db, newIncident(app.appId), newEvents(1), { alone: true })
    const results = await Promise.allSettled(
      [newIncident(app.appId), newIncident(app.appId, { id: existing.id })].map((incident) => insertIncidentOnce(server.db, incident, newEvents(1), { alone: true })),
    )
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected'])
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed: incidents\.id/)
  })
})

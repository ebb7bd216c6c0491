import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppSettings, AuditList, Incident, Metrics, ReportCreated } from '@triage/protocol'
import { sweepRetention } from '../src/jobs/retention-sweep.ts'
import type { TestServer } from './harness.ts'
import { createOtherApp, getAs, postReport, sendAs, startTestServer } from './harness.ts'

// Retention (#19) with a controlled clock: the privacy sweep anonymizes an app's closed incidents
// once they have been closed longer than its retentionDays, and nothing else — not resolved or open
// ones, not recently closed ones, not another app's — in bounded runs. Off by default.

const day = 86_400_000
const start = Date.parse('2026-10-01T09:00:00Z')
let clock = start
let server: TestServer
let other: Awaited<ReturnType<typeof createOtherApp>>

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, rateLimitPerMinute: 0 })
  other = await createOtherApp(server)
})
afterAll(() => server.stop())

async function file(symptoms: string, key = server.publishableKey): Promise<ReportCreated> {
  const response = await postReport(server, key, { symptoms, contact: { name: 'Retained Person', email: 'retained@example.com' } })
  expect(response.status).toBe(201)
  return (await response.json()) as ReportCreated
}
async function step(id: string, action: 'resolve' | 'close', bearer = server.secretKey): Promise<void> {
  const response = await sendAs(server, 'POST', `/v1/incidents/${id}/${action}`, bearer, action === 'resolve' ? { resolution: 'Restarted the worker' } : {})
  expect([action, response.status]).toEqual([action, 200])
}
const ticket = async (id: string, bearer = server.secretKey) => (await (await getAs(server, `/v1/incidents/${id}`, bearer)).json()) as Incident
const erased = async (id: string, bearer = server.secretKey) => (await ticket(id, bearer)).symptoms === '[erased]'
const metrics = async () => (await getAs(server, '/v1/metrics?from=2026-09-01T00:00:00Z&to=2027-03-01T00:00:00Z', server.secretKey)).json() as Promise<Metrics>

describe('retention', () => {
  let oldClosed: ReportCreated
  let laterClosed: ReportCreated
  let oldResolved: ReportCreated
  let open: ReportCreated
  let otherApp: ReportCreated

  beforeAll(async () => {
    oldClosed = await file('Payroll export crashes with a Zephyrine stack trace')
    oldResolved = await file('Zephyrine dashboard widgets load slowly')
    open = await file('Zephyrine cannot upload a profile picture')
    otherApp = await file('Zephyrine login loops back to the start page', other.publishableKey)
    for (const id of [oldClosed.id, oldResolved.id]) await step(id, 'resolve')
    await step(oldClosed.id, 'close')
    await step(otherApp.id, 'resolve', other.secretKey)
    await step(otherApp.id, 'close', other.secretKey)
    clock = start + 20 * day
    laterClosed = await file('Zephyrine invoices show the wrong VAT rate')
    await step(laterClosed.id, 'resolve')
    await step(laterClosed.id, 'close')
  })

  it('is off by default: nothing is anonymized, however old', async () => {
    expect(((await (await getAs(server, '/v1/admin/app', server.secretKey)).json()) as AppSettings).retentionDays).toBeNull()
    clock = start + 400 * day
    expect(await sweepRetention(server.services)).toEqual({ ran: true, resumed: 0, anonymized: 0 })
    for (const report of [oldClosed, laterClosed, oldResolved, open]) expect(await erased(report.id)).toBe(false)
  })

  it('refuses a retention that is not a whole number of days from 1 to 3650', async () => {
    for (const retentionDays of [0, -1, 1.5, 3651, '30']) {
      expect((await sendAs(server, 'PATCH', '/v1/admin/app', server.secretKey, { retentionDays })).status).toBe(422)
    }
  })

  it('anonymizes only closed incidents closed longer ago than the limit, and keeps what metrics read', async () => {
    clock = start + 10 * day
    const patched = await sendAs(server, 'PATCH', '/v1/admin/app', server.secretKey, { retentionDays: 30 })
    expect(((await patched.json()) as AppSettings).retentionDays).toBe(30)

    // The first closed at `start`: exactly 30 days later it is not past the limit yet.
    clock = start + 30 * day
    expect(await sweepRetention(server.services)).toMatchObject({ anonymized: 0 })
    expect(await erased(oldClosed.id)).toBe(false)

    clock = start + 30 * day + 1
    // Read at the same instant as after the sweep: SLA figures move with the clock, not with erasure.
    const before = await metrics()
    expect(await sweepRetention(server.services)).toMatchObject({ anonymized: 1 })
    const anonymized = await ticket(oldClosed.id)
    expect(anonymized).toMatchObject({ symptoms: '[erased]', status: 'closed', resolution: 'Restarted the worker', contact: { name: '[erased]' } })
    expect(JSON.stringify(anonymized)).not.toMatch(/Zephyrine|retained@example\.com|Retained Person/)
    expect(anonymized.timeline.filter((event) => event.type === 'erased')).toEqual([expect.objectContaining({ actor: 'retention', data: { reason: 'retention' } })])
    for (const report of [laterClosed, oldResolved, open]) expect(await erased(report.id)).toBe(false)
    expect(await erased(otherApp.id, other.secretKey)).toBe(false)
    expect(await metrics()).toEqual(before)

    // The second closed 20 days after the first: its turn comes 20 days later.
    clock = start + 50 * day
    expect(await sweepRetention(server.services)).toMatchObject({ anonymized: 0 })
    clock = start + 51 * day
    expect(await sweepRetention(server.services)).toMatchObject({ anonymized: 1 })
    expect(await erased(laterClosed.id)).toBe(true)
    for (const report of [oldResolved, open]) expect(await erased(report.id)).toBe(false)
    expect(await erased(otherApp.id, other.secretKey)).toBe(false)
  })

  it('works in bounded runs: a run anonymizes at most its limit, the next one continues', async () => {
    const batch: ReportCreated[] = []
    for (let index = 0; index < 3; index++) {
      const report = await file(`Zephyrine report ${index} about the search page`)
      await step(report.id, 'resolve')
      await step(report.id, 'close')
      batch.push(report)
      clock += 1
    }
    clock += 31 * day
    expect(await sweepRetention(server.services, { limit: 2 })).toMatchObject({ anonymized: 2 })
    expect(await Promise.all(batch.map((report) => erased(report.id)))).toEqual([true, true, false])
    expect(await sweepRetention(server.services, { limit: 2 })).toMatchObject({ anonymized: 1 })
    expect(await erased(batch[2]!.id)).toBe(true)
    // Nothing more to do: a run finds nothing and changes nothing.
    expect(await sweepRetention(server.services)).toMatchObject({ anonymized: 0 })
  })

  it('records each anonymization in the audit trail under `retention`, and turning it off stops it', async () => {
    const trail = (await (await getAs(server, '/v1/admin/audit?actor=retention&limit=200', server.secretKey)).json()) as AuditList
    expect(trail.items.map((entry) => entry.action)).toEqual(Array(5).fill('incident.anonymized'))
    expect(trail.items.map((entry) => entry.incidentId)).toContain(oldClosed.id)

    expect((await sendAs(server, 'PATCH', '/v1/admin/app', server.secretKey, { retentionDays: null })).status).toBe(200)
    const late = await file('Zephyrine notes vanish after saving')
    await step(late.id, 'resolve')
    await step(late.id, 'close')
    clock += 4000 * day
    expect(await sweepRetention(server.services)).toMatchObject({ anonymized: 0 })
    expect(await erased(late.id)).toBe(false)
  })
})

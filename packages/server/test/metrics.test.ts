import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Metrics, ReportCreated } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { getAs, postReport, sendAs, startTestServer } from './harness.ts'

const minute = 60_000
const start = Date.parse('2026-11-30T08:00:00Z')
let clock = start
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ now: () => clock })
})
afterAll(() => server.stop())

async function report(symptoms: string, answers?: Record<string, string>): Promise<ReportCreated> {
  return (await (await postReport(server, server.publishableKey, { symptoms, ...(answers ? { answers } : {}) })).json()) as ReportCreated
}
const reply = (id: string) => sendAs(server, 'POST', `/v1/incidents/${id}/messages`, server.secretKey, { body: 'Looking', visibility: 'public' })

it('measures time to first response and to resolve, SLA attainment and the backlog', async () => {
  const quick = await report('Export button does nothing') // P3: 3 h / 24 h
  const slow = await report('Dashboard totals are wrong') // P3
  const urgent = await report('Checkout is down for everyone', { impact: 'everyone', workaround: 'no' }) // P1: 1 h / 4 h
  expect(urgent.priority).toBe('P1')

  clock = start + 30 * minute
  await reply(quick.id)
  await reply(urgent.id)
  clock = start + 60 * minute
  await sendAs(server, 'POST', `/v1/incidents/${quick.id}/resolve`, server.secretKey, { resolution: 'cache' })
  clock = start + 240 * minute
  await reply(slow.id) // 4 h: misses the 3 h target
  clock = start + 300 * minute // the P1 is still open past its 4 h resolution target

  const response = await getAs(server, `/v1/metrics?from=${new Date(start - minute).toISOString()}&to=${new Date(clock).toISOString()}`, server.secretKey)
  expect(response.status).toBe(200)
  const metrics = (await response.json()) as Metrics
  expect(metrics.overall.tickets).toBe(3)
  expect(metrics.overall.timeToFirstResponse).toEqual({ count: 3, medianMinutes: 30, p90Minutes: 240 })
  expect(metrics.overall.timeToResolve).toEqual({ count: 1, medianMinutes: 60, p90Minutes: 60 })
  expect(metrics.overall.firstResponseSla).toEqual({ attainment: 0.667, met: 2, breached: 1 })
  expect(metrics.overall.resolutionSla).toEqual({ attainment: 0.5, met: 1, breached: 1 })
  expect(metrics.byPriority['P1']?.resolutionSla).toEqual({ attainment: 0, met: 0, breached: 1 })
  expect(metrics.byPriority['P3']?.tickets).toBe(2)
  expect(metrics.byTier['L3']?.tickets).toBe(1)
  expect(metrics.backlog.byStatus).toEqual({ in_progress: 2 })
  expect(metrics.backlog.byTier).toEqual({ L1: 1, L3: 1 })
})

it('refuses a range that ends before it starts, and reporters', async () => {
  const bad = await getAs(server, '/v1/metrics?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z', server.secretKey)
  expect(bad.status).toBe(400)
  expect((await getAs(server, '/v1/metrics', server.publishableKey)).status).toBe(401)
})

/**
 * The dashboard's figures over real HTTP (#18): the daily series from the rollups, deflections
 * counted from the widget's calls, the classifier against agents' corrections, and tier and
 * tenant isolation in all of it.
 */
import type { Metrics, MetricsSeries, Problem, ReportCreated } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from './agent-sessions.ts'
import { asAgent, inviteAndSignUp } from './agent-sessions.ts'
import type { TestServer } from './harness.ts'
import { createOtherApp, postReport, sendAs, startTestServer } from './harness.ts'

const minute = 60_000
const day1 = Date.parse('2026-11-02T09:00:00Z')
const day2 = Date.parse('2026-11-03T09:00:00Z')
let clock = day1
let server: TestServer
let lea: SignedIn // l1
let boss: SignedIn // admin
let first: ReportCreated
let other: Awaited<ReturnType<typeof createOtherApp>>

async function report(symptoms: string, key = server.publishableKey): Promise<ReportCreated> {
  return (await (await postReport(server, key, { symptoms })).json()) as ReportCreated
}
const act = (method: string, path: string, body?: unknown) => sendAs(server, method, path, server.secretKey, body)
const deflect = (key: string, number: string) =>
  fetch(`${server.url}/v1/deflections`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-triage-key': key }, body: JSON.stringify({ number }) })

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, agentAuth: { sessionTtlMs: 60 * 24 * 60 * minute } })
  other = await createOtherApp(server)
  lea = await inviteAndSignUp(server, server.secretKey, { email: 'lea@example.com', role: 'l1', name: 'Lea' })
  boss = await inviteAndSignUp(server, server.secretKey, { email: 'boss@example.com', role: 'admin', name: 'Boss' })

  // Day 1: three L1 tickets — one answered in 10 min and resolved in an hour, one answered in 30
  // min and re-categorized by an agent, one never answered — and one L3 security ticket.
  first = await report('I cannot open the invoice PDF from the billing page')
  const second = await report('The export to CSV button is greyed out')
  await report('The calendar shows the wrong week number')
  const secret = await report('Someone logged into my account without my permission and changed my email')
  clock += 10 * minute
  await act('POST', `/v1/incidents/${first.id}/messages`, { body: 'Looking', visibility: 'public' })
  clock += 20 * minute
  await act('POST', `/v1/incidents/${second.id}/messages`, { body: 'Looking too', visibility: 'public' })
  await act('PATCH', `/v1/incidents/${second.id}`, { category: 'billing' })
  await act('POST', `/v1/incidents/${secret.id}/resolve`, { resolution: 'sessions revoked', publicNote: 'We locked your account and reset your sessions.' })
  clock += 30 * minute
  await act('POST', `/v1/incidents/${first.id}/resolve`, { resolution: 'viewer updated', publicNote: 'Open it again: it works now.' })
  // Day 2: one ticket (and one more in the deflection test below), and two visitors whose problem the first ticket's note solved.
  clock = day2
  await report('The sidebar collapses by itself')
  expect((await deflect(server.publishableKey, first.number)).status).toBe(201)
  expect((await deflect(server.publishableKey, first.number)).status).toBe(201)
  // A deflection on the L3 ticket's note is counted, but only for those who see L3.
  expect((await deflect(server.publishableKey, secret.number)).status).toBe(201)
})
afterAll(() => server.stop())

const series = async (agent: SignedIn, query: string) => {
  const response = await asAgent(server, agent, 'GET', `/v1/metrics/series?${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as MetricsSeries
}

describe('deflections', () => {
  it("are counted only for a resolved incident of the key's own app with a public note", async () => {
    const open = await report('The dashboard widget order resets')
    expect((await deflect(server.publishableKey, open.number)).status).toBe(404)
    expect((await deflect(server.publishableKey, 'INC-999999')).status).toBe(404)
    // Another app cannot count against ours, whatever number it names.
    const crossed = await deflect(other.publishableKey, first.number)
    expect(crossed.status).toBe(404)
    expect(((await crossed.json()) as Problem).code).toBe('not_found')
    expect((await deflect(server.publishableKey, 'INC-12')).status).toBe(422)
    expect((await fetch(`${server.url}/v1/deflections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"number":"INC-000001"}' })).status).toBe(401)
  })
})

describe('the daily series', () => {
  it('gives each day its tickets, times, SLA, categories, deflections and the classifier against agents', async () => {
    const figures = await series(boss, 'from=2026-11-02&to=2026-11-03')
    expect(figures.from).toBe('2026-11-02T00:00:00.000Z')
    expect(figures.to).toBe('2026-11-04T00:00:00.000Z')
    const [monday, tuesday] = figures.days
    expect(monday).toMatchObject({
      date: '2026-11-02',
      tickets: 4,
      // Answered after 10 and 30 minutes (nearest-rank median and p90); resolved after 0.5 and 1 hour.
      timeToFirstResponse: { count: 2, medianMinutes: 10, p90Minutes: 30 },
      timeToResolve: { count: 2, medianMinutes: 30, p90Minutes: 60 },
      deflections: 0,
      // Handled: the two resolved tickets and the re-categorized open one; corrected: that one.
      classifier: { handled: 3, corrected: 1 },
    })
    expect(Object.values(monday?.byCategory ?? {}).reduce((sum, count) => sum + count, 0)).toBe(4)
    expect(monday?.byCategory['billing']).toBeGreaterThanOrEqual(1)
    expect(tuesday).toMatchObject({ date: '2026-11-03', tickets: 2, deflections: 3 })
    expect(figures.totals).toMatchObject({ tickets: 6, deflections: 3, deflectionRate: 0.333, handled: 3, corrected: 1, classifierAccuracy: 0.667 })
    expect(figures.categories.find((category) => category.value === 'billing')?.label).toBeTruthy()
  })

  it('counts for an l1 agent only what an l1 agent sees: no L3 ticket, deflection or backlog', async () => {
    const figures = await series(lea, 'from=2026-11-02&to=2026-11-03')
    expect(figures.days[0]).toMatchObject({ tickets: 3, timeToResolve: { count: 1 }, classifier: { handled: 2, corrected: 1 } })
    expect(figures.days[1]?.deflections).toBe(2)
    expect(figures.categories.map((category) => category.value)).not.toContain('security')
    expect(Object.keys(figures.backlog.byTier)).toEqual(['L1'])
    // GET /v1/metrics too.
    const window = (await (await asAgent(server, lea, 'GET', '/v1/metrics?from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z')).json()) as Metrics
    expect(window.overall.tickets).toBe(5)
    expect(Object.keys(window.byTier)).toEqual(['L1'])
    expect(Object.keys(window.byCategory)).not.toContain('security')
    const all = (await (await asAgent(server, boss, 'GET', '/v1/metrics?from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z')).json()) as Metrics
    expect(all.overall.tickets).toBe(6)
  })

  it('defaults to the last 30 days, and refuses a reversed or over-long range', async () => {
    const recent = await series(boss, '')
    expect(recent.days).toHaveLength(30)
    expect(recent.days.at(-1)?.date).toBe('2026-11-03')
    expect((await asAgent(server, boss, 'GET', '/v1/metrics/series?from=2026-11-03&to=2026-11-02')).status).toBe(400)
    expect((await asAgent(server, boss, 'GET', '/v1/metrics/series?from=2025-01-01&to=2026-11-02')).status).toBe(400)
    expect((await asAgent(server, boss, 'GET', '/v1/metrics/series?from=yesterday')).status).toBe(400)
  })
})

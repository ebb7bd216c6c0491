import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DiagnosticsResult, Incident, Metrics, ReportCreated } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { createAgentKey, getAs, postReport, sendAs, startTestServer } from './harness.ts'

// Tiers are a visibility boundary (#12.2): an l1 key sees L1 tickets, l2 L1–L2, l3 and admin all.
// What is derived from tickets — similar incidents, metrics, deflection — follows the same rule.

let server: TestServer
let l1: string
let l2: string
const tickets: Record<'L1' | 'L2' | 'L3', ReportCreated> = {} as never

async function report(symptoms: string): Promise<ReportCreated> {
  const response = await postReport(server, server.publishableKey, { symptoms })
  expect(response.status).toBe(201)
  return (await response.json()) as ReportCreated
}

beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 })
  l1 = await createAgentKey(server, 'l1')
  l2 = await createAgentKey(server, 'l2')
  tickets.L1 = await report('The label printer on floor 3 jams on every label')
  tickets.L2 = await report('The label printer on floor 3 jams on every label since Monday')
  tickets.L3 = await report('The label printer on floor 3 jams on every label and smokes')
  for (const tier of ['L2', 'L3'] as const) {
    const escalated = await sendAs(server, 'POST', `/v1/incidents/${tickets[tier].id}/escalate`, server.secretKey, { tier, reason: 'needs hands' })
    expect(escalated.status).toBe(200)
    const resolved = await sendAs(server, 'POST', `/v1/incidents/${tickets[tier].id}/resolve`, server.secretKey, {
      resolution: `internal ${tier} notes: replaced the fuser`,
      publicNote: `${tier} printer fixed`,
    })
    expect(resolved.status).toBe(200)
  }
})
afterAll(() => server.stop())

const similarIds = async (key: string, id: string) => ((await (await getAs(server, `/v1/incidents/${id}`, key)).json()) as Incident).similar.map((similar) => similar.id)

describe('similar incidents', () => {
  it('shows an l1 key no L2 or L3 ticket among the similar ones', async () => {
    expect(await similarIds(server.secretKey, tickets.L1.id)).toEqual(expect.arrayContaining([tickets.L2.id, tickets.L3.id]))
    const seen = await similarIds(l1, tickets.L1.id)
    expect(seen).not.toContain(tickets.L2.id)
    expect(seen).not.toContain(tickets.L3.id)
  })

  it('shows an l2 key L2 tickets but no L3 one, also in the answer to an action', async () => {
    const seen = await similarIds(l2, tickets.L1.id)
    expect(seen).toContain(tickets.L2.id)
    expect(seen).not.toContain(tickets.L3.id)
    const replied = await sendAs(server, 'POST', `/v1/incidents/${tickets.L1.id}/messages`, l1, { body: 'on it', visibility: 'internal' })
    const similar = ((await replied.json()) as Incident).similar.map((item) => item.id)
    expect(similar).not.toContain(tickets.L2.id)
    expect(similar).not.toContain(tickets.L3.id)
  })
})

describe('metrics', () => {
  it("count only the tickets of the key's tiers", async () => {
    const all = (await (await getAs(server, '/v1/metrics', server.secretKey)).json()) as Metrics
    expect(all.overall.tickets).toBe(3)
    const forL1 = (await (await getAs(server, '/v1/metrics', l1)).json()) as Metrics
    expect(forL1.overall.tickets).toBe(1)
    expect(Object.keys(forL1.byTier)).toEqual(['L1'])
    expect(Object.keys(forL1.backlog.byTier)).toEqual(['L1'])
    const forL2 = (await (await getAs(server, '/v1/metrics', l2)).json()) as Metrics
    expect(forL2.overall.tickets).toBe(2)
    expect(Object.keys(forL2.byTier).sort()).toEqual(['L1', 'L2'])
  })
})

describe('deflection before reporting', () => {
  it('offers public notes only, never an internal resolution, and none of a security incident', async () => {
    const security = await report('Someone logged into my account from another country and changed my password')
    expect(security.category).toBe('security')
    await sendAs(server, 'POST', `/v1/incidents/${security.id}/resolve`, server.secretKey, {
      resolution: 'attacker ip 203.0.113.9',
      publicNote: 'We locked your account after the intrusion',
    })
    const ask = async (symptoms: string) =>
      (await (
        await fetch(`${server.url}/v1/diagnostics?symptoms=${encodeURIComponent(symptoms)}`, { headers: { 'x-triage-key': server.publishableKey } })
      ).json()) as DiagnosticsResult
    const printer = JSON.stringify(await ask('label printer jams on floor 3'))
    expect(printer).toContain('printer fixed')
    expect(printer).not.toContain('internal')
    const account = await ask('someone logged into my account from another country')
    expect(JSON.stringify(account)).not.toContain('locked your account')
  })
})

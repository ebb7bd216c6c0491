/**
 * #18's isolation promise in one place, through a signed-in l1 agent's session (the console's
 * way in): an L3 ticket appears nowhere — queue views, counts, search, similar incidents, a
 * major's reports, metrics, the event stream, presence, bulk actions.
 */
import type { ChildIncidentList, Incident, IncidentCounts, IncidentList, Metrics, MetricsSeries, ReportCreated } from '@triage/protocol'
import { queueViews } from '@triage/protocol'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { SignedIn } from './agent-sessions.ts'
import { asAgent, inviteAndSignUp } from './agent-sessions.ts'
import type { TestServer } from './harness.ts'
import { events, postReport, sendAs, startTestServer } from './harness.ts'

let server: TestServer
let lea: SignedIn

beforeAll(async () => {
  server = await startTestServer()
  lea = await inviteAndSignUp(server, server.secretKey, { email: 'lea@example.com', role: 'l1', name: 'Lea' })
})
afterAll(() => server.stop())

async function report(symptoms: string): Promise<ReportCreated> {
  return (await (await postReport(server, server.publishableKey, { symptoms })).json()) as ReportCreated
}

it('an l1 agent never sees an L3 ticket anywhere: queue, search, similar, metrics, events stream', async () => {
  const controller = new AbortController()
  const stream = await fetch(`${server.url}/v1/incidents/events`, { headers: { cookie: lea.cookie }, signal: controller.signal })
  const received: string[] = []
  const reading = (async () => {
    for await (const event of events(stream)) received.push(`${event.event} ${event.data}`)
  })().catch(() => undefined)
  try {
    await checkEverywhere(received)
  } finally {
    controller.abort()
    await reading
  }
})

async function checkEverywhere(received: string[]): Promise<void> {
  // The L3 ticket (security: L3 from the start), resolved with an internal note that must not
  // leak, and reopened; an L1 ticket in nearly the same words, whose similar incidents would show it.
  const secret = await report('My account was hacked: I cannot log into my account, it says permission denied on the printer settings page')
  expect(((await (await sendAs(server, 'GET', `/v1/incidents/${secret.id}`, server.secretKey)).json()) as Incident).tier).toBe('L3')
  await sendAs(server, 'POST', `/v1/incidents/${secret.id}/resolve`, server.secretKey, { resolution: 'INTERNAL: rotated the credentials', publicNote: 'Fixed.' })
  await sendAs(server, 'POST', `/v1/incidents/${secret.id}/reopen`, server.secretKey, { reason: 'again' })
  await sendAs(server, 'POST', `/v1/incidents/${secret.id}/resolve`, server.secretKey, { resolution: 'INTERNAL: rotated them again' })
  await sendAs(server, 'POST', `/v1/incidents/${secret.id}/presence`, server.secretKey, { typing: true })
  const resolvedL1 = await report('Login to my account fails: permission denied when I open printer settings')
  await sendAs(server, 'POST', `/v1/incidents/${resolvedL1.id}/resolve`, server.secretKey, { resolution: 'role fixed', publicNote: 'Fixed your role.' })
  const visible = await report('I cannot log into my account, it says permission denied on the printer settings page')
  await sendAs(server, 'POST', `/v1/incidents/${visible.id}/presence`, server.secretKey, { typing: false })

  const leaks = (text: string) => text.includes(secret.id) || text.includes(secret.number) || text.includes('INTERNAL')
  const read = async (path: string) => {
    const response = await asAgent(server, lea, 'GET', path)
    return { status: response.status, text: await response.text() }
  }

  // Queue: every view, plain lists, search, sorts, counts.
  for (const path of [
    '/v1/incidents?limit=200',
    ...queueViews.map((view) => `/v1/incidents?view=${view}&limit=200`),
    '/v1/incidents?q=permission&limit=200',
    `/v1/incidents?q=${secret.number}`,
    '/v1/incidents?sort=priority&limit=200',
    '/v1/incidents?tier=L3',
  ]) {
    const { status, text } = await read(path)
    expect(status, path).toBe(200)
    expect(leaks(text), path).toBe(false)
  }
  expect(((await (await asAgent(server, lea, 'GET', '/v1/incidents?q=permission&limit=200')).json()) as IncidentList).items.map((item) => item.id).sort()).toEqual(
    [visible.id, resolvedL1.id].sort(),
  )
  const counts = (await (await asAgent(server, lea, 'GET', '/v1/incidents/counts')).json()) as IncidentCounts
  const adminCounts = (await (await sendAs(server, 'GET', '/v1/incidents/counts', server.secretKey)).json()) as IncidentCounts
  expect(adminCounts.resolved - counts.resolved).toBe(1)

  // The ticket itself, and what hangs off it.
  for (const path of [`/v1/incidents/${secret.id}`, `/v1/incidents/${secret.id}/children`]) expect((await read(path)).status, path).toBe(404)
  expect((await asAgent(server, lea, 'POST', `/v1/incidents/${secret.id}/presence`, { typing: false })).status).toBe(404)
  const bulk = await (await asAgent(server, lea, 'POST', '/v1/incidents/bulk', { action: 'assign', ids: [secret.id], assignee: lea.session.agent.id })).text()
  expect(bulk).toContain('"ok":false')
  expect(bulk).not.toContain('INTERNAL')

  // Similar incidents: the L1 look-alike shows its L1 neighbour, never the L3 one (the admin sees both).
  const similar = (await (await asAgent(server, lea, 'GET', `/v1/incidents/${visible.id}`)).json()) as Incident
  expect(similar.similar.map((entry) => entry.id)).toContain(resolvedL1.id)
  expect(leaks(JSON.stringify(similar))).toBe(false)
  const adminSimilar = (await (await sendAs(server, 'GET', `/v1/incidents/${visible.id}`, server.secretKey)).json()) as Incident
  expect(adminSimilar.similar.map((entry) => entry.id)).toContain(secret.id)
  expect(((await (await asAgent(server, lea, 'GET', `/v1/incidents/${visible.id}/children`)).json()) as ChildIncidentList).total).toBe(0)

  // Metrics: the window and the daily series count L1 only.
  const metrics = (await (await asAgent(server, lea, 'GET', '/v1/metrics')).json()) as Metrics
  expect(metrics.overall.tickets).toBe(2)
  expect(Object.keys(metrics.byTier)).toEqual(['L1'])
  const series = (await (await asAgent(server, lea, 'GET', '/v1/metrics/series')).json()) as MetricsSeries
  expect(series.totals.tickets).toBe(2)
  expect(Object.keys(series.backlog.byTier)).toEqual(['L1'])

  // The stream: the visible ticket's events came after every change of the L3 one; none of those is there.
  await expect.poll(() => received.some((line) => line.startsWith('presence') && line.includes(visible.id)), { timeout: 8_000 }).toBe(true)
  expect(received.some((line) => line.includes(visible.id))).toBe(true)
  expect(received.filter(leaks)).toEqual([])
}

/**
 * The console's queue over real HTTP (#18): views and their counts, bulk assign and close, a
 * major incident's reports and one update to every affected reporter.
 */
import type { BulkResult, ChildIncidentList, Incident, IncidentCounts, IncidentList, QueueView, ReportCreated, ReportView } from '@triage/protocol'
import { queueViews } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from './agent-sessions.ts'
import { asAgent, inviteAndSignUp } from './agent-sessions.ts'
import type { TestServer } from './harness.ts'
import { createOtherApp, getAs, postReport, sendAs, startTestServer } from './harness.ts'

const minute = 60_000
let clock = Date.parse('2026-12-01T09:00:00Z')
let server: TestServer
let ada: SignedIn

beforeAll(async () => {
  // Sessions outlast the days this test lets pass.
  server = await startTestServer({ now: () => clock, agentAuth: { sessionTtlMs: 30 * 24 * 60 * minute } })
  ada = await inviteAndSignUp(server, server.secretKey, { email: 'ada@example.com', role: 'l2', name: 'Ada' })
})
afterAll(() => server.stop())

async function report(symptoms: string, key = server.publishableKey): Promise<ReportCreated> {
  return (await (await postReport(server, key, { symptoms })).json()) as ReportCreated
}
const act = (path: string, body?: unknown) => sendAs(server, 'POST', path, server.secretKey, body)
/** A view's ticket numbers, sorted (tickets made in one instant of the test clock have no order between them). */
const view = async (agent: SignedIn, name: QueueView) =>
  ((await (await asAgent(server, agent, 'GET', `/v1/incidents?view=${name}&limit=200`)).json()) as IncidentList).items.map((item) => item.number).sort()
const counts = async (agent: SignedIn) => (await (await asAgent(server, agent, 'GET', '/v1/incidents/counts')).json()) as IncidentCounts

describe('views and counts', () => {
  it('sorts tickets into the views, and each count is the length of its view', async () => {
    const fresh = await report('The calendar does not load on the dashboard')
    const mine = await report('Notifications arrive twice on my phone')
    await sendAs(server, 'PATCH', `/v1/incidents/${mine.id}`, server.secretKey, { assignee: ada.session.agent.id })
    const waiting = await report('My avatar upload fails with a vague error')
    await act(`/v1/incidents/${waiting.id}/messages`, { body: 'Which file type was it?', visibility: 'public', awaitReporter: true })
    const resolved = await report('The export to CSV button is missing')
    await act(`/v1/incidents/${resolved.id}/resolve`, { resolution: 'feature flag was off', publicNote: 'It is back.' })
    const closed = await report('The invoice total is rounded wrongly')
    await act(`/v1/incidents/${closed.id}/resolve`, { resolution: 'fixed rounding' })
    await act(`/v1/incidents/${closed.id}/close`)
    const hidden = await report('The admin page answers slowly for everyone')
    await act(`/v1/incidents/${hidden.id}/escalate`, { tier: 'L3', reason: 'database work' })

    expect(await view(ada, 'mine')).toEqual([mine.number])
    expect(await view(ada, 'unassigned')).toEqual([fresh.number, waiting.number])
    expect(await view(ada, 'waiting')).toEqual([waiting.number])
    expect(await view(ada, 'resolved')).toEqual([resolved.number])
    expect(await view(ada, 'breached')).toEqual([])

    // Time passes: the first-response clocks of the unanswered tickets run out.
    clock += 3 * 24 * 60 * minute
    expect(await view(ada, 'breached')).toEqual(expect.arrayContaining([fresh.number, mine.number]))
    expect(await view(ada, 'breached')).not.toContain(hidden.number) // L3: not Ada's (l2) to see

    const all = await counts(ada)
    for (const name of queueViews) expect(all[name], name).toBe((await view(ada, name)).length)
    // The views combine with filters: mine and someone else's tickets is nothing.
    expect(((await (await asAgent(server, ada, 'GET', '/v1/incidents?view=mine&assignee=someone')).json()) as IncidentList).items).toEqual([])
    expect(((await (await asAgent(server, ada, 'GET', '/v1/incidents?view=waiting&status=new')).json()) as IncidentList).items).toEqual([])
    expect((await asAgent(server, ada, 'GET', '/v1/incidents?view=everything')).status).toBe(400)
  })

  it('counts "mine" for a secret key as the key\'s own assignments', async () => {
    const own = await report('The search box ignores accents')
    const keyId = ((await (await sendAs(server, 'GET', '/v1/admin/keys', server.secretKey)).json()) as { id: string; kind: string }[]).find((key) => key.kind === 'secret')?.id
    await sendAs(server, 'PATCH', `/v1/incidents/${own.id}`, server.secretKey, { assignee: keyId })
    const keyCounts = (await (await getAs(server, '/v1/incidents/counts', server.secretKey)).json()) as IncidentCounts
    expect(keyCounts.mine).toBe(1)
  })
})

describe('bulk actions', () => {
  it('assigns many at once, each on its own: a ticket the caller may not see, or of another app, is not found', async () => {
    const first = await report('The dark mode toggle does nothing')
    const second = await report('The language menu shows French twice')
    const secret = await report('The billing admin exports everyone')
    await act(`/v1/incidents/${secret.id}/escalate`, { tier: 'L3', reason: 'sensitive' })
    const other = await createOtherApp(server)
    const theirs = await report('Their own problem', other.publishableKey)

    const response = await asAgent(server, ada, 'POST', '/v1/incidents/bulk', {
      action: 'assign',
      ids: [first.id, secret.id, theirs.id, second.id],
      assignee: ada.session.agent.id,
    })
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as BulkResult
    expect(items.map((item) => [item.id, item.ok])).toEqual([
      [first.id, true],
      [secret.id, false],
      [theirs.id, false],
      [second.id, true],
    ])
    expect(items[1]).toMatchObject({ ok: false, problem: { status: 404, code: 'not_found' } })
    expect(items[0]).toMatchObject({ ok: true, incident: { assignee: ada.session.agent.id, status: 'in_progress' } })
    expect(items[0]).not.toHaveProperty('incident.timeline')
    expect(((await (await getAs(server, `/v1/incidents/${secret.id}`, server.secretKey)).json()) as Incident).assignee).toBeNull()
    expect(((await (await getAs(server, `/v1/incidents/${theirs.id}`, other.secretKey)).json()) as Incident).assignee).toBeNull()
  })

  it('closes resolved tickets and says why an open one cannot close', async () => {
    const done = await report('The PDF preview is blurry')
    await act(`/v1/incidents/${done.id}/resolve`, { resolution: 'renderer setting' })
    const open = await report('The PDF preview is upside down')
    const { items } = (await (await asAgent(server, ada, 'POST', '/v1/incidents/bulk', { action: 'close', ids: [done.id, open.id], reason: 'tidy up' })).json()) as BulkResult
    expect(items[0]).toMatchObject({ ok: true, incident: { status: 'closed' } })
    expect(items[1]).toMatchObject({ ok: false, problem: { status: 409, code: 'conflict' } })
    expect((await asAgent(server, ada, 'POST', '/v1/incidents/bulk', { action: 'close', ids: [] })).status).toBe(422)
    expect((await asAgent(server, ada, 'POST', '/v1/incidents/bulk', { action: 'close', ids: [done.id, done.id] })).status).toBe(422)
    expect((await asAgent(server, ada, 'POST', '/v1/incidents/bulk', { action: 'delete', ids: [done.id] })).status).toBe(422)
  })
})

describe('major incidents', () => {
  it("lists a major's reports, and one public update reaches every affected reporter", async () => {
    clock += 60 * minute
    const reports: ReportCreated[] = []
    for (let i = 0; i < 5; i++) {
      reports.push(await report(`Checkout payment page fails with an error ${i}`))
      clock += minute
    }
    const major = ((await (await getAs(server, '/v1/incidents?view=major', server.secretKey)).json()) as IncidentList).items[0]
    expect(major).toBeDefined()
    const children = (await (await asAgent(server, ada, 'GET', `/v1/incidents/${major?.id}/children`)).json()) as ChildIncidentList
    expect(children.total).toBe(5)
    expect(children.items.map((child) => child.number)).toEqual(reports.map((created) => created.number).reverse())
    expect(children.items[0]).toMatchObject({ status: 'new', summary: 'Checkout payment page fails with an error 4' })

    const update = await asAgent(server, ada, 'POST', `/v1/incidents/${major?.id}/messages`, {
      body: 'We are on it: payments fail for everyone.',
      visibility: 'public',
      toAffected: true,
    })
    expect(update.status).toBe(200)
    const message = ((await update.json()) as Incident).timeline.find((event) => event.type === 'message')
    expect(message).toMatchObject({ actor: 'Ada', visibility: 'public', data: { affected: 5 } })
    for (const created of reports) {
      const seen = (await (await getAs(server, `/v1/reports/${created.id}`, created.reporterToken)).json()) as ReportView
      expect(seen.timeline.find((event) => event.type === 'message')).toMatchObject({ author: 'agent', body: 'We are on it: payments fail for everyone.' })
      expect(seen.status).toBe('in_progress')
    }
    // Not a major: toAffected is refused; an internal note cannot go to reporters.
    const single = await report('The favicon is missing')
    expect((await asAgent(server, ada, 'POST', `/v1/incidents/${single.id}/messages`, { body: 'x', visibility: 'public', toAffected: true })).status).toBe(422)
    expect((await asAgent(server, ada, 'POST', `/v1/incidents/${major?.id}/messages`, { body: 'x', visibility: 'internal', toAffected: true })).status).toBe(422)
    expect(((await (await asAgent(server, ada, 'GET', `/v1/incidents/${single.id}/children`)).json()) as ChildIncidentList).total).toBe(0)
  })
})

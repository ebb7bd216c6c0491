import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChildIncidentList, Incident, IncidentList, ReportCreated, ReportView } from '@triage/protocol'
import { turnsDuring } from '@triage/testing/event-loop-turns'
import type { TestServer } from './harness.ts'
import { getAs, postReport, sendAs, startTestServer } from './harness.ts'

const minute = 60_000
let clock = Date.parse('2026-11-30T10:00:00Z')
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ now: () => clock, rateLimitPerMinute: 0 })
})
afterAll(() => server.stop())

async function report(symptoms: string): Promise<ReportCreated> {
  return (await (await postReport(server, server.publishableKey, { symptoms })).json()) as ReportCreated
}
async function incident(id: string): Promise<Incident> {
  return (await (await getAs(server, `/v1/incidents/${id}`, server.secretKey)).json()) as Incident
}

describe('major incidents', () => {
  it('groups 5 similar reports within 10 minutes under one major incident, and later ones join it', async () => {
    const reports: ReportCreated[] = []
    for (let i = 0; i < 4; i++) {
      reports.push(await report(`Checkout payment page fails with an error ${i}`))
      clock += 2 * minute
    }
    expect((await incident(reports[0]?.id ?? '')).parentId).toBeNull()
    reports.push(await report('Checkout payment page fails with an error again'))

    const majors = ((await (await getAs(server, '/v1/incidents?limit=200', server.secretKey)).json()) as IncidentList).items.filter((item) => item.isMajor)
    expect(majors).toHaveLength(1)
    const major = majors[0]
    // The major incident takes its reports' category (payments at checkout: billing).
    expect(major).toMatchObject({ impact: 'high', category: 'billing' })
    expect((await incident(reports[0]?.id ?? '')).category).toBe('billing')
    for (const created of reports) expect((await incident(created.id)).parentId).toBe(major?.id)
    expect((await incident(reports[0]?.id ?? '')).timeline.some((event) => event.type === 'grouped')).toBe(true)

    clock += minute
    const late = await report('Checkout payment page fails with an error for me too')
    expect((await incident(late.id)).parentId).toBe(major?.id)
    const unrelated = await report('How do I change my avatar?')
    expect((await incident(unrelated.id)).parentId).toBeNull()

    // Resolving the major incident tells every reporter at once.
    await sendAs(server, 'POST', `/v1/incidents/${major?.id}/resolve`, server.secretKey, { resolution: 'payment provider outage', publicNote: 'Payments work again.' })
    for (const created of [...reports, late]) {
      const view = (await (await getAs(server, `/v1/reports/${created.id}`, created.reporterToken)).json()) as ReportView
      expect(view.status).toBe('resolved')
      expect(view.timeline.find((event) => event.type === 'resolved')?.body).toBe('Payments work again.')
    }
    expect((await incident(unrelated.id)).status).toBe('new')
  })

  it('does not group similar reports spread over more than the window', async () => {
    clock += 60 * minute
    const spread: ReportCreated[] = []
    for (let i = 0; i < 5; i++) {
      spread.push(await report(`Search results are empty for every query ${i}`))
      clock += 3 * minute
    }
    for (const created of spread) expect((await incident(created.id)).parentId).toBeNull()
  })
})

describe('resolving a large major incident', () => {
  it('resolves every one of 130 grouped reports (fifty to a transaction), each reporter told with the public note, none left open', async () => {
    clock += 60 * minute
    const reports: ReportCreated[] = []
    for (let i = 0; i < 5; i++) reports.push(await report(`The mobile app cannot sync my notes, spinner forever ${i}`))
    const parentId = (await incident(reports[0]?.id ?? '')).parentId
    expect(parentId).not.toBeNull()
    // The rest join the open major incident as reporters say "me too".
    for (let i = 0; i < 125; i++) {
      const response = await postReport(server, server.publishableKey, { symptoms: 'Same here', notice: parentId ?? '' })
      expect(response.status).toBe(201)
      reports.push((await response.json()) as ReportCreated)
    }
    const resolved = await sendAs(server, 'POST', `/v1/incidents/${parentId}/resolve`, server.secretKey, { resolution: 'Sync queue drained', publicNote: 'Sync works again.' })
    expect(resolved.status).toBe(200)
    const views = await Promise.all(reports.map(async (created) => (await (await getAs(server, `/v1/reports/${created.id}`, created.reporterToken)).json()) as ReportView))
    expect(views.filter((view) => view.status !== 'resolved').map((view) => view.number)).toEqual([])
    expect(views.every((view) => view.timeline.at(-1)?.type === 'resolved' && view.timeline.at(-1)?.body === 'Sync works again.')).toBe(true)
  })

  it('serves others while it resolves 600 grouped reports: the event loop turns between batches', async () => {
    clock += 60 * minute
    const first: ReportCreated[] = []
    for (let i = 0; i < 5; i++) first.push(await report(`Uploads of invoices fail with a timeout ${i}`))
    const parentId = (await incident(first[0]?.id ?? '')).parentId
    expect(parentId).not.toBeNull()
    for (let i = 0; i < 595; i += 35) {
      const batch = Array.from({ length: Math.min(35, 595 - i) }, () => postReport(server, server.publishableKey, { symptoms: 'Same here', notice: parentId ?? '' }))
      for (const response of await Promise.all(batch)) expect(response.status).toBe(201)
    }
    // Without a yield the twelve batches ran in one turn, and every other request (and each
    // follower's update) waited for the last.
    const { result: resolved, turns } = await turnsDuring(() =>
      sendAs(server, 'POST', `/v1/incidents/${parentId}/resolve`, server.secretKey, { resolution: 'Storage node replaced' }),
    )
    expect(resolved.status).toBe(200)
    expect(turns).toBeGreaterThanOrEqual(11)
    const children = (await (await getAs(server, `/v1/incidents/${parentId}/children?limit=100`, server.secretKey)).json()) as ChildIncidentList
    expect(children.total).toBe(600)
    expect(children.items.filter((child) => child.status !== 'resolved')).toEqual([])
  })
})

import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incident, IncidentList, NoticeList, Problem, ReportCreated, ReportView } from '@triage/protocol'
import { listOpenMajors } from '../src/storage/notices.ts'
import type { TestServer } from './harness.ts'
import { createOtherApp, getAs, postReport, sendAs, startTestServer } from './harness.ts'

// "Known problem: … — we're on it since 14:02": the notice every visitor of an app reads while a
// major incident is open, and the "me too" that joins it in one tap (issue #14, beyond the anchors).
const minute = 60_000
let clock = Date.parse('2026-12-01T14:02:00Z')
let server: TestServer
let other: Awaited<ReturnType<typeof createOtherApp>>
beforeAll(async () => {
  server = await startTestServer({ now: () => clock })
  other = await createOtherApp(server)
})
afterAll(() => server.stop())

async function notices(key = server.publishableKey, query = ''): Promise<NoticeList> {
  const response = await fetch(`${server.url}/v1/notices${query}`, { headers: { 'x-triage-key': key } })
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()) as NoticeList
}
async function report(body: Parameters<typeof postReport>[2], key = server.publishableKey): Promise<Response> {
  return postReport(server, key, body)
}
async function incident(id: string): Promise<Incident> {
  return (await (await getAs(server, `/v1/incidents/${id}`, server.secretKey)).json()) as Incident
}
async function majors(): Promise<Incident[]> {
  const list = (await (await getAs(server, '/v1/incidents?limit=200', server.secretKey)).json()) as IncidentList
  return Promise.all(list.items.filter((item) => item.isMajor).map((item) => incident(item.id)))
}

describe('known problems', () => {
  let majorId = ''
  let meToo: ReportCreated

  it('are none while nothing is wrong', async () => {
    expect(await notices()).toEqual({ items: [] })
  })

  it('appear once many reports make a major incident, in plain words and never a reporter’s own', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await report({ symptoms: `Checkout payment page fails with an error ${i}, order 4411 for Ada Lovelace` })
      expect(response.status).toBe(201)
      clock += minute
    }
    const [major] = await majors()
    expect(major?.affected).toBe(5)
    majorId = major?.id ?? ''
    const { items } = await notices()
    expect(items).toEqual([{ id: majorId, text: 'Billing and payments', since: '2026-12-01T14:06:00.000Z' }])
    expect((await notices(server.publishableKey, '?locale=fr-FR')).items[0]?.text).toBe('Facturation et paiements')
    expect(JSON.stringify(await notices())).not.toMatch(/order|Ada|Checkout|error/)
  })

  it('say what the agents wrote for the public, on a major incident only', async () => {
    const titled = await sendAs(server, 'PATCH', `/v1/incidents/${majorId}`, server.secretKey, { publicTitle: 'Payments fail at checkout' })
    expect(titled.status).toBe(200)
    expect(((await titled.json()) as Incident).publicTitle).toBe('Payments fail at checkout')
    expect((await notices()).items[0]?.text).toBe('Payments fail at checkout')
    expect((await notices(server.publishableKey, '?locale=fr')).items[0]?.text).toBe('Payments fail at checkout')

    const single = (await (await report({ symptoms: 'How do I change my avatar?' })).json()) as ReportCreated
    const refused = await sendAs(server, 'PATCH', `/v1/incidents/${single.id}`, server.secretKey, { publicTitle: 'Avatars are broken' })
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as Problem).errors).toEqual([{ path: 'publicTitle', message: 'is for major incidents only' }])
  })

  it('are not seen by another app, whose reports cannot join them', async () => {
    expect(await notices(other.publishableKey)).toEqual({ items: [] })
    const joined = await report({ symptoms: 'Payments fail at checkout', notice: majorId }, other.publishableKey)
    expect(joined.status).toBe(422)
    expect(((await joined.json()) as Problem).errors).toEqual([{ path: 'notice', message: expect.stringContaining('not a known problem of this app') }])
  })

  it('take a "me too" in one tap, without contact: the report joins the major incident and the agents count one more', async () => {
    const response = await report({ symptoms: 'Payments fail at checkout', notice: majorId, context: { locale: 'en-GB' } })
    expect(response.status).toBe(201)
    meToo = (await response.json()) as ReportCreated
    expect(meToo.category).toBe('billing')
    const ticket = await incident(meToo.id)
    expect(ticket).toMatchObject({ parentId: majorId, categorySource: 'reporter', contact: {} })
    expect(ticket.timeline.find((event) => event.type === 'grouped')?.data).toMatchObject({ parentId: majorId, reason: expect.stringContaining('me too') })
    expect((await incident(majorId)).affected).toBe(6)
  })

  it('resolve for everyone with the major incident: the "me too" reporter reads the fix, and the notice is gone', async () => {
    const resolved = await sendAs(server, 'POST', `/v1/incidents/${majorId}/resolve`, server.secretKey, { resolution: 'provider outage', publicNote: 'Payments work again.' })
    expect(resolved.status).toBe(200)
    const view = (await (await getAs(server, `/v1/reports/${meToo.id}`, meToo.reporterToken)).json()) as ReportView
    expect(view.status).toBe('resolved')
    expect(view.timeline.at(-1)).toMatchObject({ type: 'resolved', body: 'Payments work again.' })
    expect(await notices()).toEqual({ items: [] })

    const late = await report({ symptoms: 'Payments fail at checkout', notice: majorId })
    expect(late.status).toBe(409)
    expect(((await late.json()) as Problem).detail).toMatch(/resolved/)
  })

  it('refuse what is not asked precisely', async () => {
    expect((await fetch(`${server.url}/v1/notices?colour=red`, { headers: { 'x-triage-key': server.publishableKey } })).status).toBe(400)
    expect((await fetch(`${server.url}/v1/notices?locale=${'x'.repeat(40)}`, { headers: { 'x-triage-key': server.publishableKey } })).status).toBe(400)
    const anonymous = await fetch(`${server.url}/v1/notices`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json')
    expect((await report({ symptoms: 'x', notice: '' })).status).toBe(422)
  })

  it('are in the OpenAPI document, with "me too" as a report field', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> }
    }
    expect(document.paths['/v1/notices']?.['get']).toMatchObject({ operationId: 'listNotices', security: [{ publishableKey: [] }] })
    expect(document.components.schemas['NoticeList']).toBeDefined()
    expect(document.components.schemas['ReportCreate']?.properties).toHaveProperty('notice')
  })

  it('are read through the partial index of open major incidents, whatever else the app has open', async () => {
    const query = listOpenMajors(server.db, 'app_demo', 3).toSQL()
    const params = [...query.params]
    const inlined = query.sql.replace(/\?/g, () => `'${String(params.shift())}'`)
    const plan = await server.db.all<{ detail: string }>(sql.raw(`explain query plan ${inlined}`))
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INDEX incidents_app_open_major/)
  })
})

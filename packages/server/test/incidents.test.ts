import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incident, IncidentList, Problem, ReportCreated } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { createApp } from '../src/app.ts'
import { openLibsql } from '../src/storage/open-libsql.ts'
import { createOtherApp, getAs, postReport, sendAs, startTestServer } from './harness.ts'

let server: TestServer
let other: Awaited<ReturnType<typeof createOtherApp>>
let ours: ReportCreated
let theirs: ReportCreated

beforeAll(async () => {
  server = await startTestServer()
  other = await createOtherApp(server)
  ours = (await (
    await postReport(server, server.publishableKey, {
      symptoms: 'All my saved drafts disappeared after the update',
      answers: { impact: 'team', workaround: 'no' },
      contact: { name: 'Grace', email: 'grace@example.com' },
      context: { url: 'https://app.example/drafts', userAgent: 'test', custom: { plan: 'pro' } },
    })
  ).json()) as ReportCreated
  theirs = (await (await postReport(server, other.publishableKey, { symptoms: 'Their secret problem' })).json()) as ReportCreated
})
afterAll(() => server.stop())

describe('GET /v1/incidents/:id', () => {
  it('serves the enriched ticket: words, answers, context, reasoning and the whole timeline', async () => {
    const response = await getAs(server, `/v1/incidents/${ours.id}`, server.secretKey)
    expect(response.status).toBe(200)
    const incident = (await response.json()) as Incident
    expect(incident).toMatchObject({
      id: ours.id,
      number: ours.number,
      kind: 'incident',
      status: 'new',
      category: 'data_loss',
      categorySource: 'auto',
      impact: 'medium',
      urgency: 'high',
      priority: 'P2',
      tier: 'L2',
      assignee: null,
      answers: { impact: 'team', workaround: 'no' },
      contact: { name: 'Grace', email: 'grace@example.com' },
      context: { url: 'https://app.example/drafts', custom: { plan: 'pro' } },
    })
    expect(incident.reasoning.category.reasons.join(' ')).toContain('disappeared')
    expect(incident.reasoning.tier.reasons).toEqual(['data loss goes to the L2 specialists'])
    expect(incident.timeline.map((event) => [event.type, event.visibility])).toEqual([
      ['created', 'public'],
      ['categorized', 'internal'],
      ['prioritized', 'internal'],
    ])
  })

  it("never shows another app's incident", async () => {
    const response = await getAs(server, `/v1/incidents/${theirs.id}`, server.secretKey)
    expect(response.status).toBe(404)
    expect(((await response.json()) as Problem).code).toBe('not_found')
    expect((await getAs(server, `/v1/incidents/${theirs.id}`, other.secretKey)).status).toBe(200)
  })

  it("never lets another app's key read or change anything of this app", async () => {
    const path = `/v1/incidents/${ours.id}`
    const attempts: [string, string, unknown][] = [
      ['GET', path, undefined],
      ['PATCH', path, { assignee: 'mallory' }],
      ['POST', `${path}/messages`, { body: 'hi', visibility: 'public' }],
      ['POST', `${path}/escalate`, { tier: 'L3', reason: 'x' }],
      ['POST', `${path}/resolve`, { resolution: 'x' }],
      ['POST', `${path}/close`, undefined],
      ['POST', `${path}/reopen`, undefined],
    ]
    for (const [method, route, body] of attempts) {
      const response = await sendAs(server, method, route, other.secretKey, body)
      expect(response.status, `${method} ${route}`).toBe(404)
    }
    const list = (await (await getAs(server, `/v1/incidents?q=${encodeURIComponent('drafts')}`, other.secretKey)).json()) as IncidentList
    expect(list.items).toEqual([])
    // Nor with the other report's token, on every reporter route.
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['POST', '/messages', { body: 'hi' }],
      ['POST', '/confirm', undefined],
      ['POST', '/reopen', undefined],
    ] as const) {
      expect((await sendAs(server, method, `/v1/reports/${ours.id}${suffix}`, theirs.reporterToken, body)).status, `${method} ${suffix}`).toBe(404)
    }
    const unchanged = (await (await getAs(server, path, server.secretKey)).json()) as Incident
    expect(unchanged).toMatchObject({ status: 'new', assignee: null, tier: 'L2' })
  })

  it('refuses publishable keys, reporter tokens and unknown secret keys', async () => {
    for (const bearer of [server.publishableKey, ours.reporterToken, 'sk_unknown']) {
      const response = await getAs(server, `/v1/incidents/${ours.id}`, bearer)
      expect(response.status).toBe(401)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
    }
    expect((await fetch(`${server.url}/v1/incidents`)).status).toBe(401)
  })
})

describe('GET /v1/incidents', () => {
  it("lists only the app's own incidents, newest first", async () => {
    const list = (await (await getAs(server, '/v1/incidents', server.secretKey)).json()) as IncidentList
    const ids = list.items.map((incident) => incident.id)
    expect(ids).toContain(ours.id)
    expect(ids).not.toContain(theirs.id)
    const theirList = (await (await getAs(server, '/v1/incidents', other.secretKey)).json()) as IncidentList
    expect(theirList.items.map((incident) => incident.id)).toEqual([theirs.id])
  })

  it('pages with a cursor through every incident exactly once', async () => {
    // Distinct problems: similar ones arriving together would be grouped under a major incident.
    const problems = [
      'avatar upload fails',
      'invoice total wrong',
      'dark mode flickers',
      'search is slow',
      'no push notifications',
      'export CSV empty',
      'calendar shows wrong timezone',
    ]
    for (const symptoms of problems) await postReport(server, server.publishableKey, { symptoms })
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      const page = (await (await getAs(server, `/v1/incidents?limit=3${query}`, server.secretKey)).json()) as IncidentList
      expect(page.items.length).toBeLessThanOrEqual(3)
      seen.push(...page.items.map((incident) => incident.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(seen).toHaveLength(8)
    expect(new Set(seen).size).toBe(8)
    expect(pages).toBe(3)
    const created = await Promise.all(seen.map(async (id) => ((await (await getAs(server, `/v1/incidents/${id}`, server.secretKey)).json()) as Incident).createdAt))
    expect([...created].sort().reverse()).toEqual(created)
  })

  it('filters by status', async () => {
    const fresh = (await (await getAs(server, '/v1/incidents?status=new', server.secretKey)).json()) as IncidentList
    expect(fresh.items.length).toBeGreaterThan(0)
    const closed = (await (await getAs(server, '/v1/incidents?status=closed', server.secretKey)).json()) as IncidentList
    expect(closed.items).toEqual([])
  })

  it('refuses a bad limit, status or cursor with 400', async () => {
    for (const query of ['limit=201', 'limit=0', 'status=lost', 'cursor=nonsense', 'colour=blue']) {
      const response = await getAs(server, `/v1/incidents?${query}`, server.secretKey)
      expect(response.status, query).toBe(400)
      expect(((await response.json()) as Problem).code).toBe('validation_failed')
    }
  })
})

describe('GET /openapi.json', () => {
  it('documents every route the app registers', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> }
    expect(document.openapi).toBe('3.1.0')
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)),
    )
    // Every route of the app as Hono registered it, middleware and the document itself aside.
    const { db, close } = await openLibsql({ url: ':memory:' })
    const app = createApp({ db, reporterSecret: 'test', now: Date.now })
    close()
    const registered = new Set(
      app.routes.filter((route) => route.method !== 'ALL' && !['/openapi.json', '/healthz'].includes(route.path)).map((route) => `${route.method} ${route.path}`),
    )
    expect(registered.size).toBeGreaterThanOrEqual(13)
    expect([...registered].filter((route) => !documented.has(route))).toEqual([])
  })
})

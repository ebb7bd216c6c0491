import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DiagnosticsResult, Incident, IncidentList, Problem, ReportCreated, ReportView } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { getAs, postReport, sendAs, startTestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 })
})
afterAll(() => server.stop())

async function created(response: Response): Promise<ReportCreated> {
  expect(response.status).toBe(201)
  return (await response.json()) as ReportCreated
}

describe('lone surrogates (#12.1)', () => {
  it('stores a report holding lone surrogates as well-formed text that every view reads back', async () => {
    // Sent as JSON escapes: the only way a lone surrogate crosses the wire.
    const body = `{"symptoms":"printer broken \\ud800 on floor 2","contact":{"name":"Ada \\udfff"},"answers":{"k\\ud800":"v\\udc00"},"context":{"note\\ud83d":"x\\ud83d","url":"https://shop.example/\\ud800"}}`
    const report = await created(await postReport(server, server.publishableKey, body))

    const view = (await (await getAs(server, `/v1/reports/${report.id}`, report.reporterToken)).json()) as ReportView
    expect(view.id).toBe(report.id)

    const incident = (await (await getAs(server, `/v1/incidents/${report.id}`, server.secretKey)).json()) as Incident
    expect(incident.symptoms).toBe('printer broken \ufffd on floor 2')
    expect(incident.contact.name).toBe('Ada \ufffd')
    expect(incident.answers).toEqual({ 'k\ufffd': 'v\ufffd' })
    expect(incident.context).toMatchObject({ 'note\ufffd': 'x\ufffd', url: 'https://shop.example/\ufffd' })
    for (const text of [incident.symptoms, JSON.stringify(incident)]) expect(text.isWellFormed()).toBe(true)

    const list = (await (await getAs(server, '/v1/incidents?limit=200', server.secretKey)).json()) as IncidentList
    expect(list.items.some((item) => item.id === report.id)).toBe(true)

    // The next similar report reads the first one through the similar-incident index.
    const next = await created(await postReport(server, server.publishableKey, { symptoms: 'printer broken on floor 2 again' }))
    const nextIncident = (await (await getAs(server, `/v1/incidents/${next.id}`, server.secretKey)).json()) as Incident
    expect(nextIncident.similar.map((similar) => similar.id)).toContain(report.id)

    const diagnostics = await fetch(`${server.url}/v1/diagnostics?symptoms=${encodeURIComponent('printer broken')}`, { headers: { 'x-triage-key': server.publishableKey } })
    expect(diagnostics.status).toBe(200)
    expect(((await diagnostics.json()) as DiagnosticsResult).category.value).toBeTypeOf('string')
  })

  it('keeps a well-formed surrogate pair (an emoji) as it is', async () => {
    const report = await created(await postReport(server, server.publishableKey, '{"symptoms":"it broke \\ud83d\\ude00 twice"}'))
    const incident = (await (await getAs(server, `/v1/incidents/${report.id}`, server.secretKey)).json()) as Incident
    expect(incident.symptoms).toBe('it broke 😀 twice')
  })

  it('takes lone surrogates in agent messages and resolutions without breaking the ticket', async () => {
    const report = await created(await postReport(server, server.publishableKey, { symptoms: 'export fails' }))
    const send = (path: string, body: string) =>
      fetch(`${server.url}/v1/incidents/${report.id}/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
        body,
      })
    expect((await send('messages', '{"body":"looking \\ud800","visibility":"public"}')).status).toBe(200)
    expect((await send('resolve', '{"resolution":"fixed \\udbff","publicNote":"done \\ud800"}')).status).toBe(200)
    const incident = (await (await getAs(server, `/v1/incidents/${report.id}`, server.secretKey)).json()) as Incident
    expect(incident.resolution).toBe('fixed \ufffd')
    expect(JSON.stringify(incident).isWellFormed()).toBe(true)
    const view = (await (await getAs(server, `/v1/reports/${report.id}`, report.reporterToken)).json()) as ReportView
    expect(view.timeline.map((event) => event.body).filter(Boolean)).toEqual(['looking \ufffd', 'done \ufffd'])
  })

  it('cannot receive one through a query string or a header: a percent-encoded surrogate stays its escape', async () => {
    // URLs and headers are bytes; only invalid UTF-8 could spell a surrogate there, and it is not decoded.
    const response = await fetch(`${server.url}/v1/diagnostics?symptoms=printer%ED%A0%80`, { headers: { 'x-triage-key': server.publishableKey, 'x-note': 'caf\u00e9' } })
    expect(response.status).toBe(200)
    const search = await getAs(server, '/v1/incidents?q=broken%ED%A0%80', server.secretKey)
    expect(search.status).toBe(200)
  })
})

describe('deep nesting (#12.3)', () => {
  it('answers 422 for a context nested deeper than 32 levels, and 201 at 32', async () => {
    const nested = (depth: number) => `{"symptoms":"deep","context":{"x":${'['.repeat(depth - 2)}1${']'.repeat(depth - 2)}}}`
    const refused = await postReport(server, server.publishableKey, nested(6_400))
    expect(refused.status).toBe(422)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await refused.json()) as Problem
    expect(problem).toMatchObject({ code: 'validation_failed' })
    expect(problem.detail).toMatch(/32 levels/)
    expect((await postReport(server, server.publishableKey, nested(32))).status).toBe(201)
    expect((await postReport(server, server.publishableKey, nested(33))).status).toBe(422)
  })

  it('answers 422 for deep nesting in any JSON body, not only reports', async () => {
    const response = await fetch(`${server.url}/v1/admin/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: `{"url":"https://hooks.example/x","events":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
    })
    expect(response.status).toBe(422)
  })
})

describe('tampered cursors (#12.3)', () => {
  const tampered = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

  it.each(['-created', 'created', 'priority', 'due'])('answers 400, never 500, for a cursor that lies about sort %s', async (sort) => {
    for (let i = 0; i < 3; i++) await postReport(server, server.publishableKey, { symptoms: `cursor fodder ${i}` })
    const cursors = [
      tampered([sort]),
      tampered([sort, 1]),
      tampered([sort, 1, 2, 3, 4, 5]),
      tampered([sort, { a: 1 }, 'x']),
      tampered([sort, [1], 'x']),
      tampered([sort, 'not a time', 'x']),
      tampered([sort, 1.5, 'x']),
      tampered([sort, 'x'.repeat(250)]),
      tampered({ sort }),
      'WyItY3JlYXRlZCJd',
      '%%%',
      '',
    ]
    for (const cursor of cursors) {
      const response = await getAs(server, `/v1/incidents?sort=${sort}&cursor=${encodeURIComponent(cursor)}`, server.secretKey)
      expect([response.status, cursor]).toEqual([400, cursor])
      expect(((await response.json()) as Problem).code).toBe('validation_failed')
    }
  })
})

it('names an app category that shares a name with an object property as its own words (constructor, __proto__, toString)', async () => {
  const created = (await (await postReport(server, server.publishableKey, { symptoms: 'A category named like a property' })).json()) as ReportCreated
  for (const category of ['constructor', '__proto__', 'toString']) {
    const patched = await sendAs(server, 'PATCH', `/v1/incidents/${created.id}`, server.secretKey, { category })
    expect(patched.status).toBe(200)
    expect(await patched.json()).toMatchObject({ category, categoryLabel: category.replaceAll('_', ' ') })
  }
})

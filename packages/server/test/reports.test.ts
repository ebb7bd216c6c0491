import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incident, IncidentList, Problem, ReportCreated, ReportView } from '@triage/protocol'
import { revokeKey } from '../src/storage/apps.ts'
import type { TestServer } from './harness.ts'
import { createOtherApp, getAs, postReport, startTestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

async function expectProblem(response: Response, status: number, code: Problem['code']): Promise<Problem> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const problem = (await response.json()) as Problem
  expect(problem).toMatchObject({ status, code, type: `/problems/${code.replace(/_/g, '-')}` })
  expect(problem.detail.length).toBeGreaterThan(10)
  return problem
}

describe('POST /v1/reports', () => {
  it('logs a report and answers its number, reporter token, status, category and priority', async () => {
    const response = await postReport(server, server.publishableKey, {
      symptoms: 'I cannot log in: the password reset link says it expired',
      contact: { name: 'Ada', email: 'ada@example.com' },
      answers: { impact: 'me', workaround: 'no' },
      context: { url: 'https://shop.example/login', locale: 'en-GB', appVersion: '1.2.3' },
    })
    expect(response.status).toBe(201)
    const report = (await response.json()) as ReportCreated
    expect(report).toMatchObject({ status: 'new', category: 'access', priority: 'P3' })
    expect(report.number).toMatch(/^INC-\d{6}$/)
    expect(report.reporterToken).toMatch(/^rt_/)
    expect(Date.parse(report.createdAt)).toBeGreaterThan(0)
  })

  it('numbers reports of an app one after the other', async () => {
    const first = (await (await postReport(server, server.publishableKey, { symptoms: 'first' })).json()) as ReportCreated
    const second = (await (await postReport(server, server.publishableKey, { symptoms: 'second' })).json()) as ReportCreated
    expect(Number(second.number.slice(4))).toBe(Number(first.number.slice(4)) + 1)
  })

  it('answers the same incident for the same Idempotency-Key, marked as a replay', async () => {
    const body = { symptoms: 'The export button does nothing' }
    const headers = { 'idempotency-key': crypto.randomUUID() }
    const first = await postReport(server, server.publishableKey, body, headers)
    const again = await postReport(server, server.publishableKey, body, headers)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    expect(await again.json()).toEqual(await first.json())
  })

  it('creates exactly one incident for 20 concurrent retries with one key', async () => {
    const key = crypto.randomUUID()
    const body = { symptoms: `Checkout fails with an error ${key}` }
    const responses = await Promise.all(Array.from({ length: 20 }, () => postReport(server, server.publishableKey, body, { 'idempotency-key': key })))
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201))
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as ReportCreated).id)))
    expect(ids.size).toBe(1)
    const list = (await (await getAs(server, '/v1/incidents?limit=200', server.secretKey)).json()) as IncidentList
    expect(list.items.filter((incident) => incident.symptoms === body.symptoms)).toHaveLength(1)
  })

  it('refuses an Idempotency-Key reused for a different report', async () => {
    const headers = { 'idempotency-key': crypto.randomUUID() }
    await postReport(server, server.publishableKey, { symptoms: 'one thing' }, headers)
    await expectProblem(await postReport(server, server.publishableKey, { symptoms: 'another thing' }, headers), 422, 'idempotency_key_reused')
  })

  describe('bad input gets a precise problem+json and writes nothing', () => {
    it('malformed JSON → 400', async () => {
      await expectProblem(await postReport(server, server.publishableKey, '{"symptoms": "broken'), 400, 'malformed_json')
    })

    it('missing symptoms → 422 naming the field', async () => {
      const problem = await expectProblem(await postReport(server, server.publishableKey, '{}'), 422, 'validation_failed')
      expect(problem.errors?.map((e) => e.path)).toContain('symptoms')
    })

    it('wrong types → 422 naming each field', async () => {
      const problem = await expectProblem(
        await postReport(server, server.publishableKey, JSON.stringify({ symptoms: 42, contact: { email: 'not-an-email' } })),
        422,
        'validation_failed',
      )
      expect(problem.errors?.map((e) => e.path).sort()).toEqual(['contact.email', 'symptoms'])
    })

    it('says in plain words what a field without its own message needed', async () => {
      const problem = await expectProblem(
        await postReport(server, server.publishableKey, JSON.stringify({ symptoms: 'x', contact: 'ada@example.com', category: 5 })),
        422,
        'validation_failed',
      )
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          { path: 'contact', message: 'must be an object, not text' },
          { path: 'category', message: 'must be text, not a number' },
        ]),
      )
    })

    it('an unknown field → 422 rather than a silent drop', async () => {
      const problem = await expectProblem(await postReport(server, server.publishableKey, JSON.stringify({ symptoms: 'x', severity: 'high' })), 422, 'validation_failed')
      expect(problem.detail).toContain('severity')
    })

    it('a body over 64 KB → 413', async () => {
      await expectProblem(await postReport(server, server.publishableKey, { symptoms: 'x'.repeat(70 * 1024) }), 413, 'payload_too_large')
    })

    it('a chunked body (no Content-Length) is counted as it streams: over 64 KB → 413, under → 201', async () => {
      const chunked = (text: string) =>
        fetch(`${server.url}/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-triage-key': server.publishableKey },
          body: new Blob([text]).stream(),
          duplex: 'half',
        } as RequestInit)
      await expectProblem(await chunked(JSON.stringify({ symptoms: 'x'.repeat(70 * 1024) })), 413, 'payload_too_large')
      expect((await chunked(JSON.stringify({ symptoms: 'Streaming upload of a small report' }))).status).toBe(201)
    })

    it('not JSON → 415', async () => {
      const response = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-triage-key': server.publishableKey },
        body: 'it is broken',
      })
      await expectProblem(response, 415, 'unsupported_media_type')
    })

    it('no key, an unknown key, a secret key, a revoked key → 401', async () => {
      const body = { symptoms: 'x' }
      await expectProblem(await postReport(server, '', body), 401, 'missing_key')
      await expectProblem(await postReport(server, 'pk_unknown', body), 401, 'invalid_key')
      await expectProblem(await postReport(server, server.secretKey, body), 401, 'invalid_key')
      const other = await createOtherApp(server)
      await revokeKey(server.db, other.publishableKeyId)
      await expectProblem(await postReport(server, other.publishableKey, body), 401, 'invalid_key')
    })

    it('an Origin outside the app allowlist → 403', async () => {
      const other = await createOtherApp(server, ['https://shop.example'])
      await expectProblem(await postReport(server, other.publishableKey, { symptoms: 'x' }, { origin: 'https://evil.example' }), 403, 'forbidden_origin')
      expect((await postReport(server, other.publishableKey, { symptoms: 'x' }, { origin: 'https://shop.example' })).status).toBe(201)
    })

    it('a bad Idempotency-Key header → 400', async () => {
      await expectProblem(await postReport(server, server.publishableKey, { symptoms: 'x' }, { 'idempotency-key': 'a b' }), 400, 'validation_failed')
    })

    it('stores nothing for refused requests', async () => {
      const before = (await (await getAs(server, '/v1/incidents?limit=200', server.secretKey)).json()) as IncidentList
      await postReport(server, server.publishableKey, '{"symptoms": ')
      await postReport(server, server.publishableKey, { symptoms: '' })
      const after = (await (await getAs(server, '/v1/incidents?limit=200', server.secretKey)).json()) as IncidentList
      expect(after.items.length).toBe(before.items.length)
    })
  })

  it('answers CORS preflights for the widget and exposes the replay header', async () => {
    const response = await fetch(`${server.url}/v1/reports`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-triage-key, idempotency-key',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    expect(response.headers.get('access-control-allow-headers')).toContain('x-triage-key')
  })
})

describe('GET /v1/reports/:id', () => {
  it('shows the reporter their report and only its public timeline', async () => {
    const created = (await (await postReport(server, server.publishableKey, { symptoms: 'The dashboard is very slow to load' })).json()) as ReportCreated
    const response = await getAs(server, `/v1/reports/${created.id}`, created.reporterToken)
    expect(response.status).toBe(200)
    const view = (await response.json()) as ReportView
    expect(view).toMatchObject({ id: created.id, number: created.number, status: 'new', category: 'performance', tier: 'L1' })
    expect(view.timeline.map((event) => event.type)).toEqual(['created'])
  })

  it("does not open with another report's token, nor without one", async () => {
    const a = (await (await postReport(server, server.publishableKey, { symptoms: 'a' })).json()) as ReportCreated
    const b = (await (await postReport(server, server.publishableKey, { symptoms: 'b' })).json()) as ReportCreated
    await expectProblem(await getAs(server, `/v1/reports/${a.id}`, b.reporterToken), 404, 'not_found')
    await expectProblem(await fetch(`${server.url}/v1/reports/${a.id}`), 401, 'missing_key')
    await expectProblem(await getAs(server, `/v1/reports/inc_nope`, a.reporterToken), 404, 'not_found')
  })
})

it('answers unknown routes with a problem, not HTML', async () => {
  await expectProblem(await fetch(`${server.url}/v1/nothing-here`), 404, 'not_found')
})

describe('polling a report', () => {
  it('answers 304 while nothing changed and 200 with a new ETag once it did', async () => {
    const created = (await (await postReport(server, server.publishableKey, { symptoms: 'Uploads hang at 99 %' })).json()) as ReportCreated
    const first = await getAs(server, `/v1/reports/${created.id}`, created.reporterToken)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"rev_/)
    const unchanged = await fetch(`${server.url}/v1/reports/${created.id}`, { headers: { authorization: `Bearer ${created.reporterToken}`, 'if-none-match': etag ?? '' } })
    expect(unchanged.status).toBe(304)
    expect(await unchanged.text()).toBe('')

    await fetch(`${server.url}/v1/incidents/${created.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Looking into it', visibility: 'public' }),
    })
    const changed = await fetch(`${server.url}/v1/reports/${created.id}`, { headers: { authorization: `Bearer ${created.reporterToken}`, 'if-none-match': etag ?? '' } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect(((await changed.json()) as ReportView).timeline.find((event) => event.type === 'message')?.body).toBe('Looking into it')
  })
})

describe('what the engine does to every report', () => {
  it('masks secrets the reporter pasted before anything is stored, and says so on the ticket', async () => {
    const created = (await (
      await postReport(server, server.publishableKey, {
        symptoms: 'Payment fails with card 4242 4242 4242 4242, my password: hunter2',
        context: { url: 'https://app.example/pay?token=abcdef0123456789abcdef', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl' },
      })
    ).json()) as ReportCreated
    const ticket = (await (await getAs(server, `/v1/incidents/${created.id}`, server.secretKey)).json()) as Incident
    expect(ticket.symptoms).not.toContain('4242 4242 4242 4242')
    expect(ticket.symptoms).toContain('••••4242')
    expect(ticket.symptoms).not.toContain('hunter2')
    expect(JSON.stringify(ticket.context)).not.toContain('eyJhbGciOiJIUzI1NiJ9')
    expect(JSON.stringify(ticket.context)).not.toContain('abcdef0123456789abcdef')
    const redacted = ticket.timeline.find((event) => event.type === 'created')?.data['redacted'] as { kind: string }[]
    expect(redacted.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['card', 'password']))
  })

  it('sends a possible breach to security, P1, L3 with the 72-hour clock', async () => {
    const created = (await (await postReport(server, server.publishableKey, { symptoms: 'Someone else logged into my account and changed my e-mail' })).json()) as ReportCreated
    expect(created).toMatchObject({ category: 'security', priority: 'P1' })
    const ticket = (await (await getAs(server, `/v1/incidents/${created.id}`, server.secretKey)).json()) as Incident
    expect(ticket.tier).toBe('L3')
    expect(Date.parse(ticket.reasoning.breach?.notifyBy ?? '') - Date.parse(ticket.createdAt)).toBe(72 * 3_600_000)
  })

  it('refuses an answer a diagnostic question does not allow, and keeps answers to unknown questions', async () => {
    const bad = await postReport(server, server.publishableKey, { symptoms: 'x', answers: { impact: 'the whole planet' } })
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('answers.impact')
    const custom = (await (await postReport(server, server.publishableKey, { symptoms: 'x', answers: { plan: 'pro', impact: 'team' } })).json()) as ReportCreated
    const ticket = (await (await getAs(server, `/v1/incidents/${custom.id}`, server.secretKey)).json()) as Incident
    expect(ticket.answers).toEqual({ plan: 'pro', impact: 'team' })
  })
})

describe('polling with a since cursor', () => {
  it('returns only the timeline events after those the client has', async () => {
    const created = (await (await postReport(server, server.publishableKey, { symptoms: 'Labels print blank' })).json()) as ReportCreated
    const first = (await (await getAs(server, `/v1/reports/${created.id}`, created.reporterToken)).json()) as ReportView
    expect(first.timelineLength).toBe(1)
    await fetch(`${server.url}/v1/incidents/${created.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Which printer?', visibility: 'public' }),
    })
    const newer = (await (await getAs(server, `/v1/reports/${created.id}?since=${first.timelineLength}`, created.reporterToken)).json()) as ReportView
    expect(newer.timeline.map((event) => event.type)).toEqual(['message', 'status_changed'])
    expect(newer.timelineLength).toBe(3)
    expect((await getAs(server, `/v1/reports/${created.id}?since=-1`, created.reporterToken)).status).toBe(400)
  })
})

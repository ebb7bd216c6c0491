/**
 * The HTTP flows every runtime must hold, with the same assertions on each: `node.test.ts` runs
 * them against the Node server, `../workers/worker.test.ts` against the Worker in workerd.
 * Each group of flows works in its own app of the fixture, so their numbers and rate-limit
 * budgets are independent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import type { Incident, IncidentList, ReportCreated, ReportView } from '@triage/protocol'
import { events, expectProblem, getAs, postReport, sendAs } from '../harness.ts'
import { describeAttachmentFlows } from './attachment-flows.ts'
import { describePrivacyFlows } from './privacy-flows.ts'
import type { FlowApp, FlowAppName } from './fixture.ts'
import type { FlowTarget } from './target.ts'

/** Symptoms that differ from one report to the next, in a few kinds (some group, some do not). */
function symptomsOf(i: number): string {
  const kinds = [
    `Checkout fails with a 502 error after entering my card (${i})`,
    `The export button does nothing on the invoices page (${i})`,
    `I cannot log in: the password reset e-mail never arrives (${i})`,
    `Search returns no results for any query today (${i})`,
  ]
  return kinds[i % kinds.length] ?? ''
}

/** For the bursts: generous, since the whole suite shares two cores with workerd. */
const burstTimeoutMs = 60_000

const formatted = (n: number) => `INC-${String(n).padStart(6, '0')}`
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => formatted(from + i))

const statusesOf = (responses: Response[]) => responses.map((response) => response.status)

/** Every incident of an app, page by page, as an agent lists them. */
async function allIncidents(target: FlowTarget, app: FlowApp): Promise<IncidentList['items']> {
  const items: IncidentList['items'] = []
  let cursor: string | null = null
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`
    const response = await getAs(target, `/v1/incidents?limit=200${query}`, app.secretKey)
    expect(response.status).toBe(200)
    const page = (await response.json()) as IncidentList
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
  return items
}

/** An app's numbers have no gap and no repeat: 1, 2, … up to how many incidents it has. */
async function expectGapFreeNumbers(target: FlowTarget, app: FlowApp): Promise<string[]> {
  const numbers = (await allIncidents(target, app)).map((item) => item.number).sort()
  expect(numbers).toEqual(range(1, numbers.length))
  return numbers
}

/** A body of `bytes` as a stream: fetch sends it chunked, without Content-Length. */
function streamOf(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close()
      controller.enqueue(chunk)
      sent += chunk.length
    },
  })
}

/** POSTs `body` as JSON; a stream goes out chunked, without Content-Length. */
function postJson(target: FlowTarget, path: string, headers: Record<string, string>, body: BodyInit): Promise<Response> {
  return fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit)
}

export function describeHttpFlows(start: () => Promise<FlowTarget>): void {
  let target: FlowTarget
  const app = (name: FlowAppName) => target.fixture.apps[name]
  const report = (name: FlowAppName, i: number, headers: Record<string, string> = {}) => postReport(target, app(name).publishableKey, { symptoms: symptomsOf(i) }, headers)

  // The server's own log (e.g. a stack trace from workerd) usually explains a failure: show it once, at the end.
  let failed = false
  beforeAll(async () => {
    target = await start()
  }, 120_000)
  beforeEach(() => onTestFailed(() => void (failed = true)))
  afterAll(async () => {
    if (failed && target) console.error(`the ${target.runtime} server printed:\n${target.output()}`)
    await target?.stop()
  })

  // First: on Workers these are the first requests a fresh isolate serves.
  describe('concurrent reports', () => {
    /** `count` distinct reports at once: each answers 201 with its own number, and the app's numbers have no gap. */
    async function expectBurstServed(name: FlowAppName, count: number): Promise<void> {
      const responses = await Promise.all(Array.from({ length: count }, (_, i) => report(name, i)))
      expect(statusesOf(responses)).toEqual(Array(count).fill(201))
      const created = (await Promise.all(responses.map((response) => response.json()))) as ReportCreated[]
      expect(new Set(created.map((one) => one.number)).size).toBe(count)
      // Similar reports may also open a major incident, which takes the next number like any incident.
      const numbers = await expectGapFreeNumbers(target, app(name))
      expect(numbers).toEqual(expect.arrayContaining(created.map((one) => one.number)))
    }

    it('answers a first burst of 20 distinct reports with 201 each and unique, gap-free numbers', () => expectBurstServed('firstBurst', 20), burstTimeoutMs)

    it('answers 100 concurrent distinct reports with 201 each and unique, gap-free numbers', () => expectBurstServed('bigBurst', 100), burstTimeoutMs)

    it('makes one incident of 20 concurrent retries with one Idempotency-Key, and the next report takes the next number', async () => {
      const key = crypto.randomUUID()
      const responses = await Promise.all(Array.from({ length: 20 }, () => report('retries', 0, { 'idempotency-key': key })))
      expect(statusesOf(responses)).toEqual(Array(20).fill(201))
      const created = (await Promise.all(responses.map((response) => response.json()))) as ReportCreated[]
      expect(new Set(created.map((one) => one.id)).size).toBe(1)
      expect(created[0]?.number).toBe('INC-000001')
      // Exactly one request created it; the others are told theirs was a replay.
      expect(responses.filter((response) => response.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1)
      expect(await allIncidents(target, app('retries'))).toHaveLength(1)

      const next = await report('retries', 1)
      expect(next.status).toBe(201)
      expect(((await next.json()) as ReportCreated).number).toBe('INC-000002')
    })

    it('keeps serving after the bursts: every report reads back, and new reports are numbered next', async () => {
      const listed = await allIncidents(target, app('firstBurst'))
      const reads = await Promise.all(listed.map((item) => getAs(target, `/v1/incidents/${item.id}`, app('firstBurst').secretKey)))
      expect(statusesOf(reads)).toEqual(Array(listed.length).fill(200))
      const before = listed.length
      const next = await Promise.all([report('firstBurst', 100), report('bigBurst', 100)])
      expect(statusesOf(next)).toEqual([201, 201])
      expect(((await next[0].json()) as ReportCreated).number).toBe(formatted(before + 1))
      await expectGapFreeNumbers(target, app('bigBurst'))
    })
  })

  describe("a report's life, as reporter and agent", () => {
    const body = {
      symptoms: 'Checkout fails with a 500 error after entering my card',
      answers: { impact: 'me', workaround: 'no' },
      contact: { name: 'Ada', email: 'ada@example.com' },
    }
    const idempotencyKey = crypto.randomUUID()
    let created: ReportCreated
    const agent = (method: string, action: string, payload?: unknown) => sendAs(target, method, `/v1/incidents/${created.id}${action}`, app('core').secretKey, payload)
    const reporterView = async () => (await (await getAs(target, `/v1/reports/${created.id}`, created.reporterToken)).json()) as ReportView

    it('logs a report as INC-000001 with a reporter token', async () => {
      const response = await postReport(target, app('core').publishableKey, body, { 'idempotency-key': idempotencyKey })
      expect(response.status).toBe(201)
      created = (await response.json()) as ReportCreated
      expect(created).toMatchObject({ number: 'INC-000001', status: 'new' })
      expect(created.reporterToken).toMatch(/^rt_/)
    })

    it('answers the same incident for the same Idempotency-Key, marked as a replay', async () => {
      const again = await postReport(target, app('core').publishableKey, body, { 'idempotency-key': idempotencyKey })
      expect(again.status).toBe(201)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
      expect(await again.json()).toEqual(created)
    })

    it('shows the reporter the public timeline with an ETag, and answers 304 while it is unchanged', async () => {
      const response = await getAs(target, `/v1/reports/${created.id}`, created.reporterToken)
      expect(response.status).toBe(200)
      const view = (await response.json()) as ReportView
      expect(view).toMatchObject({ id: created.id, number: 'INC-000001', status: 'new', priority: created.priority })
      expect(view.timeline.map((event) => event.type)).toEqual(['created'])
      expect(view).not.toHaveProperty('symptoms')
      const etag = response.headers.get('etag')
      expect(etag).toMatch(/^".+"$/)
      const unchanged = await fetch(`${target.url}/v1/reports/${created.id}`, {
        headers: { authorization: `Bearer ${created.reporterToken}`, 'if-none-match': etag ?? '' },
      })
      expect(unchanged.status).toBe(304)
      expect(await unchanged.text()).toBe('')
    })

    it('lists the report for an agent and shows the agent the symptoms and the whole timeline in order', async () => {
      const list = (await (await getAs(target, '/v1/incidents', app('core').secretKey)).json()) as IncidentList
      expect(list.items.map((item) => item.id)).toEqual([created.id])
      const response = await getAs(target, `/v1/incidents/${created.id}`, app('core').secretKey)
      expect(response.status).toBe(200)
      const incident = (await response.json()) as Incident
      expect(incident).toMatchObject({ id: created.id, number: 'INC-000001', symptoms: body.symptoms, contact: body.contact })
      // Written in one millisecond: only rowid keeps them in insertion order.
      expect(incident.timeline.map((event) => event.type)).toEqual(['created', 'categorized', 'prioritized'])
    })

    it("follows the report live: the current state first, then the agent's public reply", async () => {
      const controller = new AbortController()
      const response = await fetch(`${target.url}/v1/reports/${created.id}/events?token=${created.reporterToken}`, { signal: controller.signal })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/event-stream')
      const stream = events(response)
      try {
        const first = (await stream.next()).value
        expect(first).toMatchObject({ event: 'report' })
        expect((JSON.parse(first?.data ?? '{}') as ReportView).status).toBe('new')

        const replied = await agent('POST', '/messages', { body: 'We are on it', visibility: 'public' })
        expect(replied.status).toBe(200)
        const second = (await stream.next()).value
        const view = JSON.parse(second?.data ?? '{}') as ReportView
        expect(view.status).toBe('in_progress')
        expect(view.timeline.find((event) => event.type === 'message')?.body).toBe('We are on it')
        expect(second?.id).not.toBe(first?.id)
      } finally {
        controller.abort()
      }
    })

    it('escalates to L2 with the reason on the record', async () => {
      const response = await agent('POST', '/escalate', { tier: 'L2', reason: 'Needs the payments team' })
      expect(response.status).toBe(200)
      const incident = (await response.json()) as Incident
      expect(incident.tier).toBe('L2')
      expect(incident.timeline.at(-1)).toMatchObject({ type: 'escalated' })
    })

    it('resolves; the reporter reads the public note, not the internal resolution', async () => {
      const response = await agent('POST', '/resolve', { resolution: 'Payment provider timeout raised', publicNote: 'Fixed: please try again.' })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ status: 'resolved', publicNote: 'Fixed: please try again.' } satisfies Partial<Incident>)
      const view = await reporterView()
      expect(view.status).toBe('resolved')
      expect(view.timeline.at(-1)).toMatchObject({ type: 'resolved', body: 'Fixed: please try again.' })
      expect(JSON.stringify(view)).not.toContain('Payment provider timeout raised')
    })

    it('closes the resolved incident, then reopens it to in_progress', async () => {
      const closed = await agent('POST', '/close')
      expect(closed.status).toBe(200)
      expect(((await closed.json()) as Incident).status).toBe('closed')
      const reopened = await agent('POST', '/reopen', { reason: 'It fails again' })
      expect(reopened.status).toBe(200)
      expect(((await reopened.json()) as Incident).status).toBe('in_progress')
      expect((await reporterView()).status).toBe('in_progress')
    })

    it('answers malformed JSON with a 400 problem+json', async () => {
      await expectProblem(await postReport(target, app('core').publishableKey, '{"symptoms": "broken'), 400, 'malformed_json')
    })
  })

  describe('the scheduled jobs while reports arrive', () => {
    it(
      'sweeps SLA clocks during a burst of 20 reports: every report 201, the overdue incident marked breached once',
      async () => {
        const [responses] = await Promise.all([Promise.all(Array.from({ length: 20 }, (_, i) => report('sweep', i))), target.runScheduled(), target.runScheduled()])
        expect(statusesOf(responses)).toEqual(Array(20).fill(201))
        await expectGapFreeNumbers(target, app('sweep'))
        const overdue = (await (await getAs(target, `/v1/incidents/${target.fixture.overdueId}`, app('sweep').secretKey)).json()) as Incident
        const breaches = overdue.timeline.filter((event) => event.type === 'sla_breached').map((event) => event.data['clock'])
        // Two runs at once: the sweep's lease lets one mark each clock, once.
        expect(breaches.sort()).toEqual(['first_response', 'resolution'])
        expect(overdue.sla.firstResponse.state).toBe('breached')
      },
      burstTimeoutMs,
    )
  })

  describe('rate limits', () => {
    it(
      'holds one reporter token to its budget per minute with 429 and Retry-After; other apps are not affected',
      async () => {
        const created = (await (await report('limits', 0)).json()) as ReportCreated
        const responses: Response[] = []
        // 2 × 120 + 1: more than two windows' budget, so some must be refused even if a window turns meanwhile.
        for (let wave = 0; wave < 241; wave += 41) {
          const count = Math.min(41, 241 - wave)
          responses.push(...(await Promise.all(Array.from({ length: count }, () => getAs(target, `/v1/reports/${created.id}`, created.reporterToken)))))
        }
        const passed = responses.filter((response) => response.status === 200)
        const refused = responses.filter((response) => response.status === 429)
        expect(passed.length + refused.length).toBe(241)
        expect(passed.length).toBeGreaterThanOrEqual(120)
        expect(passed.length).toBeLessThanOrEqual(240)
        for (const response of refused.slice(0, 3)) {
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
          expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(60)
          await expectProblem(response, 429, 'rate_limited')
        }
        expect((await report('core', 1)).status).toBe(201)
      },
      burstTimeoutMs,
    )
  })

  describe('people, not keys (#18)', () => {
    const origin = () => new URL(target.url).origin
    it('an agent signs in with e-mail and password, works through the session cookie under the CSRF check, and signs out', async () => {
      const { email, password, name } = target.fixture.agent
      const wrong = await postJson(target, '/v1/auth/sign-in', { origin: origin() }, JSON.stringify({ email, password: 'not the password' }))
      await expectProblem(wrong, 401, 'invalid_credentials')
      const signedIn = await postJson(target, '/v1/auth/sign-in', { origin: origin() }, JSON.stringify({ email, password }))
      expect(signedIn.status).toBe(200)
      const setCookie = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith('triage_session=')) ?? ''
      expect(setCookie).toMatch(/; HttpOnly; Secure; SameSite=Strict$/)
      const cookie = setCookie.split(';')[0] ?? ''
      expect((await fetch(`${target.url}/v1/auth/session`, { headers: { cookie } })).status).toBe(200)

      const created = (await (await postReport(target, app('people').publishableKey, { symptoms: symptomsOf(1) })).json()) as ReportCreated
      const note = (headers: Record<string, string>) =>
        postJson(target, `/v1/incidents/${created.id}/messages`, { cookie, ...headers }, JSON.stringify({ body: 'Looking into it', visibility: 'internal' }))
      await expectProblem(await note({ origin: 'https://evil.example' }), 403, 'forbidden_origin')
      const noted = await note({ origin: origin() })
      expect(noted.status).toBe(200)
      expect(((await noted.json()) as Incident).timeline.find((event) => event.type === 'message')?.actor).toBe(name)

      expect((await fetch(`${target.url}/v1/auth/sign-out`, { method: 'POST', headers: { cookie, origin: origin() } })).status).toBe(204)
      await expectProblem(await fetch(`${target.url}/v1/incidents`, { headers: { cookie } }), 401, 'session_expired')
    })
  })

  describeAttachmentFlows(() => target)
  describePrivacyFlows(() => target)

  describe('big bodies', () => {
    const twoMegabytes = JSON.stringify({ symptoms: 'x'.repeat(2 * 1024 * 1024) })
    const post = (key: string, body: BodyInit) => postJson(target, '/v1/reports', { 'x-triage-key': key }, body)

    it('refuses 2 MB reports declared by Content-Length with 413 problem+json, never a reset connection', async () => {
      const responses = await Promise.all(Array.from({ length: 5 }, () => post(app('bodies').publishableKey, twoMegabytes)))
      for (const response of responses) await expectProblem(response, 413, 'payload_too_large')
    })

    it('refuses 2 MB reports streamed without a length with 413 problem+json, never a reset connection', async () => {
      const responses = await Promise.all(Array.from({ length: 5 }, () => post(app('bodies').publishableKey, streamOf(2 * 1024 * 1024))))
      for (const response of responses) await expectProblem(response, 413, 'payload_too_large')
    })

    it('answers a 2 MB body refused before it is read (an unknown agent key) with 401 problem+json, never a reset connection', async () => {
      const send = (body: BodyInit) => postJson(target, '/v1/incidents/inc_unknown/messages', { authorization: 'Bearer sk_unknown' }, body)
      const responses = await Promise.all([send(twoMegabytes), send(twoMegabytes), send(streamOf(2 * 1024 * 1024)), send(streamOf(2 * 1024 * 1024))])
      for (const response of responses) await expectProblem(response, 401, 'invalid_key')
      expect((await report('bodies', 0)).status).toBe(201)
    })
  })
}

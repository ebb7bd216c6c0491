import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Problem, ReportCreated } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { createOtherApp, postReport, startTestServer } from './harness.ts'

// Floods from one page must not slip past the limits (#12.4, #12.5). The limit is counted per
// authenticated identity (the app of a publishable key, the report of a reporter token) and
// client address, never per header text: any spelling of one credential shares one budget.

const limit = 5
const clock = Date.UTC(2026, 10, 28, 12, 0, 0)
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ now: () => clock, rateLimitPerMinute: limit })
})
afterAll(() => server.stop())

/** The statuses of requests sent one after the other. */
async function statuses(requests: (() => Promise<Response>)[]): Promise<number[]> {
  const answers: number[] = []
  for (const request of requests) {
    const response = await request()
    await response.body?.cancel()
    answers.push(response.status)
  }
  return answers
}

const passed = (answers: number[]) => answers.filter((status) => status !== 429).length

/** A report of its own app, so each test starts with full budgets. */
async function freshReport(): Promise<{ report: ReportCreated; app: Awaited<ReturnType<typeof createOtherApp>> }> {
  const app = await createOtherApp(server)
  const response = await postReport(server, app.publishableKey, { symptoms: 'The invoice page is blank' })
  expect(response.status).toBe(201)
  return { report: (await response.json()) as ReportCreated, app }
}

describe('rate limits keyed on who is calling, not on how the header is spelled', () => {
  it('limits one reporter token to one budget whatever the spelling of Bearer', async () => {
    const { report } = await freshReport()
    const spellings = ['Bearer', 'bearer', 'BEARER', 'BeArEr', 'bEARER', 'Bearer ', 'Bearer  ', 'Bearer\t', 'bearer   ', 'BEARER\t ']
    const requests = spellings.flatMap((scheme) =>
      [1, 2].map(() => () => fetch(`${server.url}/v1/reports/${report.id}`, { headers: { authorization: `${scheme} ${report.reporterToken}` } })),
    )
    const answers = await statuses(requests)
    expect(passed(answers)).toBe(limit)
    expect(answers.slice(limit).every((status) => status === 429)).toBe(true)
  })

  it('does not give a reporter token a fresh budget for each junk X-Triage-Key beside it', async () => {
    const { report } = await freshReport()
    const requests = Array.from(
      { length: 12 },
      (_, index) => () => fetch(`${server.url}/v1/reports/${report.id}`, { headers: { authorization: `Bearer ${report.reporterToken}`, 'x-triage-key': `pk_junk${index}` } }),
    )
    expect(passed(await statuses(requests))).toBe(limit)
  })

  it('limits the event stream opened with ?token= whatever junk Authorization comes with it', async () => {
    const { report } = await freshReport()
    const requests = Array.from({ length: 12 }, (_, index) => async () => {
      const response = await fetch(`${server.url}/v1/reports/${report.id}/events?token=${report.reporterToken}`, { headers: { authorization: `Bearer junk${index}` } })
      return response
    })
    expect(passed(await statuses(requests))).toBe(limit)
  })

  it('counts unknown credentials from one address as one caller, so guessing tokens is limited too', async () => {
    const { report } = await freshReport()
    const requests = Array.from({ length: 12 }, (_, index) => () => fetch(`${server.url}/v1/reports/${report.id}`, { headers: { authorization: `Bearer rt_guess${index}` } }))
    const answers = await statuses(requests)
    expect(answers.slice(0, limit)).toEqual(Array(limit).fill(404))
    expect(answers.slice(limit).every((status) => status === 429)).toBe(true)
  })

  it('limits a burst of reports from one app, and leaves other apps alone', async () => {
    const { app } = await freshReport()
    const other = await createOtherApp(server)
    const burst = await statuses(Array.from({ length: 10 }, (_, index) => () => postReport(server, app.publishableKey, { symptoms: `flood ${index}` })))
    expect(passed(burst)).toBe(limit - 1)
    expect((await postReport(server, other.publishableKey, { symptoms: 'a report of another app' })).status).toBe(201)
  })
})

describe('streams and slow clients', () => {
  let capped: TestServer
  beforeAll(async () => {
    capped = await startTestServer({ rateLimitPerMinute: 0, streamsPerReport: 2, streamsPerAddress: 3, headersTimeoutMs: 600, requestTimeoutMs: 600 })
  })
  afterAll(() => capped.stop())

  const report = async () => (await (await postReport(capped, capped.publishableKey, { symptoms: 'The dashboard is slow' })).json()) as ReportCreated
  const open: AbortController[] = []
  afterAll(() => {
    for (const controller of open) controller.abort()
  })

  /** Opens an event stream; a 200 stays open until the test ends or aborts it. */
  async function follow(created: ReportCreated): Promise<{ response: Response; close: () => void }> {
    const controller = new AbortController()
    open.push(controller)
    const response = await fetch(`${capped.url}/v1/reports/${created.id}/events?token=${created.reporterToken}`, { signal: controller.signal })
    return { response, close: () => controller.abort() }
  }

  /** The status of a new stream; a refused one's body is read and dropped. */
  async function followStatus(created: ReportCreated): Promise<number> {
    const { response } = await follow(created)
    if (response.status !== 200) await response.body?.cancel()
    return response.status
  }

  /** Closes every stream the tests opened, and waits until the server has let go of them. */
  async function closeAll(): Promise<void> {
    for (const controller of open.splice(0)) controller.abort()
    const probe = await report()
    await expect.poll(async () => followStatus(probe), { interval: 50, timeout: 5_000 }).toBe(200)
    for (const controller of open.splice(0)) controller.abort()
  }

  it('caps the streams of one report, answering 429 with Retry-After, and frees a slot when a stream closes', async () => {
    const created = await report()
    const streams = await Promise.all(Array.from({ length: 6 }, () => follow(created)))
    const refused = streams.filter(({ response }) => response.status === 429)
    expect(streams.filter(({ response }) => response.status === 200)).toHaveLength(2)
    expect(refused).toHaveLength(4)
    const first = refused[0]?.response
    expect(first?.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(first?.headers.get('content-type')).toBe('application/problem+json')
    expect(((await first!.json()) as Problem).code).toBe('too_many_streams')

    for (const { response } of refused.slice(1)) await response.body?.cancel()

    // The slot frees as soon as the server notices the disconnect.
    streams.find(({ response }) => response.status === 200)?.close()
    await expect.poll(async () => followStatus(created), { interval: 50, timeout: 5_000 }).toBe(200)
  })

  it('caps the streams of one address across reports', async () => {
    await closeAll()
    const [a, b] = [await report(), await report()]
    expect([await followStatus(a), await followStatus(a), await followStatus(b), await followStatus(b)]).toEqual([200, 200, 200, 429])
  })

  /** Sends `head` then one byte of `trickle` every 100 ms; resolves with what came back and when the server hung up. */
  function trickle(head: string, trickle: string): Promise<{ answer: string; afterMs: number }> {
    return new Promise((resolve) => {
      const started = Date.now()
      const socket = connect(Number(new URL(capped.url).port), '127.0.0.1')
      let answer = ''
      let sent = 0
      const timer = setInterval(() => {
        if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++] ?? '')
      }, 100)
      socket.on('data', (chunk) => (answer += chunk.toString()))
      socket.on('error', () => {})
      socket.on('close', () => {
        clearInterval(timer)
        resolve({ answer, afterMs: Date.now() - started })
      })
      socket.write(head)
      // A server that never hangs up fails the test by its timeout, not by hanging it.
      setTimeout(() => socket.destroy(), 8_000).unref()
    })
  }

  it('cuts off a body trickled a byte at a time within the request timeout', async () => {
    const head = `POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Triage-Key: ${capped.publishableKey}\r\nContent-Length: 200\r\n\r\n`
    const { answer, afterMs } = await trickle(head, `{"symptoms":"${'x'.repeat(180)}"}`)
    expect(afterMs).toBeLessThan(3_000)
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true)
  })

  it('cuts off headers trickled a byte at a time within the headers timeout', async () => {
    const { afterMs } = await trickle('GET /healthz HTTP/1.1\r\n', `X-Slow: ${'y'.repeat(100)}\r\n\r\n`)
    expect(afterMs).toBeLessThan(3_000)
  })

  it('keeps an event stream open past the request timeout', async () => {
    await closeAll()
    const created = await report()
    const controller = new AbortController()
    const response = await fetch(`${capped.url}/v1/reports/${created.id}/events?token=${created.reporterToken}`, { signal: controller.signal })
    expect(response.status).toBe(200)
    const reader = response.body?.getReader()
    await reader?.read()
    // Well past the 600 ms request timeout, a change still arrives on the same stream.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await fetch(`${capped.url}/v1/incidents/${created.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${capped.secretKey}`, 'content-type': 'application/json' },
      body: '{"body":"on it","visibility":"public"}',
    })
    const next = await reader?.read()
    expect(new TextDecoder().decode(next?.value)).toContain('in_progress')
    controller.abort()
  })
})

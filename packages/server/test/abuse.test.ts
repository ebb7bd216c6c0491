import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportCreated } from '@triage/protocol'
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
    const requests = spellings.flatMap((scheme) => [1, 2].map(() => () => fetch(`${server.url}/v1/reports/${report.id}`, { headers: { authorization: `${scheme} ${report.reporterToken}` } })))
    const answers = await statuses(requests)
    expect(passed(answers)).toBe(limit)
    expect(answers.slice(limit).every((status) => status === 429)).toBe(true)
  })

  it('does not give a reporter token a fresh budget for each junk X-Triage-Key beside it', async () => {
    const { report } = await freshReport()
    const requests = Array.from({ length: 12 }, (_, index) => () =>
      fetch(`${server.url}/v1/reports/${report.id}`, { headers: { authorization: `Bearer ${report.reporterToken}`, 'x-triage-key': `pk_junk${index}` } }),
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Problem, ReportCreated } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { postReport, startTestServer } from './harness.ts'

// The server does what its OpenAPI document says (#12.8).

let server: TestServer
let report: ReportCreated
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 })
  report = (await (await postReport(server, server.publishableKey, { symptoms: 'The export hangs' })).json()) as ReportCreated
})
afterAll(() => server.stop())

const code = async (response: Response) => [response.status, ((await response.json()) as Problem).code]

describe('credentials before the body', () => {
  it.each(['messages', 'confirm', 'reopen'])('answers 401 to POST /v1/reports/{id}/%s without a token, whatever the body', async (action) => {
    const response = await fetch(`${server.url}/v1/reports/${report.id}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"body": 12, "extra": true}' })
    expect(await code(response)).toEqual([401, 'missing_key'])
  })

  it('answers 404 to a wrong token before reading a broken body', async () => {
    const response = await fetch(`${server.url}/v1/reports/${report.id}/messages`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: 'Bearer rt_wrong' }, body: 'not json' })
    expect(await code(response)).toEqual([404, 'not_found'])
  })

  it('answers 401 to POST /v1/reports without a key before looking at the body', async () => {
    const response = await fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"symptoms": ""}' })
    expect(await code(response)).toEqual([401, 'missing_key'])
  })
})

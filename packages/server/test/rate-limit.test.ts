import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Problem } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { postReport, startTestServer } from './harness.ts'

let server: TestServer
let clock = Date.UTC(2026, 10, 28, 12, 0, 0)

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, rateLimitPerMinute: 3 })
})
afterAll(() => server.stop())

it('answers 429 with Retry-After past the limit per key and address, and lets the next window through', async () => {
  for (let i = 0; i < 3; i++) expect((await postReport(server, server.publishableKey, { symptoms: `report ${i}` })).status).toBe(201)
  clock += 20_000
  const refused = await postReport(server, server.publishableKey, { symptoms: 'one too many' })
  expect(refused.status).toBe(429)
  expect(refused.headers.get('retry-after')).toBe('40')
  expect((await refused.json()) as Problem).toMatchObject({ code: 'rate_limited', retryAfter: 40 })

  // The window resets a minute after it opened.
  clock += 40_000
  expect((await postReport(server, server.publishableKey, { symptoms: 'next minute' })).status).toBe(201)
})

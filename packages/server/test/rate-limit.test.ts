import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

describe('behind a proxy', () => {
  const report = (target: { url: string; publishableKey: string }, forwardedFor: string, symptoms: string) =>
    postReport(target, target.publishableKey, { symptoms }, { 'x-forwarded-for': forwardedFor })

  it('counts each client apart by the address a trusted proxy forwards, and no client can pick its own', async () => {
    const behind = await startTestServer({ rateLimitPerMinute: 2, trustedProxies: ['127.0.0.1'] })
    try {
      for (let i = 0; i < 2; i++) expect((await report(behind, '203.0.113.7', `client A ${i}`)).status).toBe(201)
      expect((await report(behind, '203.0.113.7', 'client A, one too many')).status).toBe(429)
      // Another client through the same proxy has its own budget.
      expect((await report(behind, '198.51.100.9', 'client B')).status).toBe(201)
      // Client A writing an address of its own before the proxy's changes nothing.
      expect((await report(behind, '192.0.2.1, 203.0.113.7', 'client A, disguised')).status).toBe(429)
    } finally {
      await behind.stop()
    }
  })

  it('does not start with a proxy entry that is not an address or a network, and says which', async () => {
    await expect(startTestServer({ trustedProxies: ['127.0.0.1', 'my-proxy.internal'] })).rejects.toThrow(
      'TRIAGE_TRUSTED_PROXIES must list your proxies\' addresses or networks, comma-separated: "my-proxy.internal" is not an IP address',
    )
  })

  it('ignores X-Forwarded-For from a peer it does not trust', async () => {
    const direct = await startTestServer({ rateLimitPerMinute: 2 })
    try {
      for (let i = 0; i < 2; i++) expect((await report(direct, `203.0.113.${i}`, `spoofed ${i}`)).status).toBe(201)
      expect((await report(direct, '203.0.113.99', 'a third made-up address')).status).toBe(429)
    } finally {
      await direct.stop()
    }
  })
})

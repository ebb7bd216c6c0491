import { describe, expect, it } from 'vitest'
import { demoAgentDefaults, readNodeConfig, readPublicUrl, readSessionTtl, readSimilarIndexLimit } from './config.ts'

describe('configuration from the environment', () => {
  it('works on a fresh clone with nothing set', () => {
    expect(readNodeConfig({})).toMatchObject({ databaseUrl: 'file:./data/triage.db', port: 8787, host: '127.0.0.1', rateLimitPerMinute: 120, similarIndexLimit: undefined })
  })

  it('takes the similar-incident index limit, and says what is wrong with a bad one', () => {
    expect(readNodeConfig({ TRIAGE_SIMILAR_INDEX_LIMIT: '200000' }).similarIndexLimit).toBe(200_000)
    expect(readSimilarIndexLimit('')).toBeUndefined()
    for (const bad of ['0', '-5', '1.5', 'lots']) {
      expect(() => readSimilarIndexLimit(bad)).toThrow(`TRIAGE_SIMILAR_INDEX_LIMIT must be a whole number of incidents (1 or more), not "${bad}".`)
    }
  })

  it('takes the trusted proxies as a comma-separated list; none by default', () => {
    expect(readNodeConfig({}).trustedProxies).toEqual([])
    expect(readNodeConfig({ TRIAGE_TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8 ,, fd00::/8' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8'])
  })

  it('refuses a port or rate limit that cannot be one', () => {
    expect(() => readNodeConfig({ PORT: '99999' })).toThrow('PORT must be a port number')
    expect(() => readNodeConfig({ TRIAGE_RATE_LIMIT: 'fast' })).toThrow('TRIAGE_RATE_LIMIT must be a whole number')
  })

  it("makes the demo admin agent's sign-in from the environment, with printed defaults", () => {
    expect(readNodeConfig({}).demoAgent).toEqual({ ...demoAgentDefaults, passwordGiven: false })
    expect(readNodeConfig({ TRIAGE_DEMO_AGENT_EMAIL: 'Ops@Acme.example', TRIAGE_DEMO_AGENT_PASSWORD: 'a long demo password' }).demoAgent).toEqual({
      email: 'ops@acme.example',
      password: 'a long demo password',
      passwordGiven: true,
    })
    expect(() => readNodeConfig({ TRIAGE_DEMO_AGENT_PASSWORD: 'short' })).toThrow('TRIAGE_DEMO_AGENT_PASSWORD must be 12 to 200 characters long')
    expect(() => readNodeConfig({ TRIAGE_DEMO_AGENT_EMAIL: 'nobody' })).toThrow('TRIAGE_DEMO_AGENT_EMAIL must be an e-mail address')
  })

  it('takes the public URL and the session length, and says what is wrong with bad ones', () => {
    expect(readPublicUrl('https://triage.example.com/')).toBe('https://triage.example.com')
    expect(readPublicUrl('https://example.com/triage/')).toBe('https://example.com/triage')
    expect(readPublicUrl(undefined)).toBeUndefined()
    expect(() => readPublicUrl('triage.example.com')).toThrow('TRIAGE_PUBLIC_URL must be')
    expect(() => readPublicUrl('ftp://triage.example.com')).toThrow('must start with https://')
    expect(readSessionTtl('8')).toBe(8 * 3_600_000)
    expect(readSessionTtl('')).toBeUndefined()
    for (const bad of ['0', 'forever', '1000']) expect(() => readSessionTtl(bad)).toThrow('TRIAGE_SESSION_TTL_HOURS must be a number of hours')
  })

  it('takes stream caps and server timeouts, and says what is wrong with a bad one', () => {
    const config = readNodeConfig({
      TRIAGE_STREAMS_PER_REPORT: '3',
      TRIAGE_STREAMS_PER_ADDRESS: '20',
      TRIAGE_HEADERS_TIMEOUT_MS: '5000',
      TRIAGE_REQUEST_TIMEOUT_MS: '15000',
      TRIAGE_IDLE_TIMEOUT_MS: '90000',
    })
    expect(config).toMatchObject({ streamsPerReport: 3, streamsPerAddress: 20, timeouts: { headersMs: 5_000, requestMs: 15_000, idleMs: 90_000 } })
    expect(readNodeConfig({}).timeouts).toEqual({ headersMs: undefined, requestMs: undefined, idleMs: undefined })
    expect(() => readNodeConfig({ TRIAGE_REQUEST_TIMEOUT_MS: '0' })).toThrow('TRIAGE_REQUEST_TIMEOUT_MS must be a whole number of milliseconds (1 or more), not "0".')
    expect(() => readNodeConfig({ TRIAGE_STREAMS_PER_REPORT: 'many' })).toThrow('TRIAGE_STREAMS_PER_REPORT must be a whole number of streams')
  })
})

import { describe, expect, it } from 'vitest'
import { readNodeConfig, readSimilarIndexLimit } from './config.ts'

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

  it('refuses a port or rate limit that cannot be one', () => {
    expect(() => readNodeConfig({ PORT: '99999' })).toThrow('PORT must be a port number')
    expect(() => readNodeConfig({ TRIAGE_RATE_LIMIT: 'fast' })).toThrow('TRIAGE_RATE_LIMIT must be a whole number')
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

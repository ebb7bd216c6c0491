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
})

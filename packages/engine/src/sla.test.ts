import { describe, expect, it } from 'vitest'
import { slaDueTimes, slaPromise } from './sla.ts'

describe('slaDueTimes', () => {
  const start = Date.UTC(2026, 10, 28, 9, 0)
  it.each([
    ['P1', 1, 4],
    ['P2', 2, 8],
    ['P3', 3, 24],
    ['P4', 3, 72],
  ] as const)('gives %s a first response in %i h and a resolution in %i h', (priority, response, resolution) => {
    expect(slaDueTimes(priority, start)).toEqual({
      firstResponseDueAt: start + response * 3_600_000,
      resolutionDueAt: start + resolution * 3_600_000,
    })
  })

  it('says the promise in the reporter’s language', () => {
    expect(slaPromise('P3')).toBe('we answer within 3 hours')
    expect(slaPromise('P1', 'fr')).toBe('nous répondons sous 1 heure')
  })
})

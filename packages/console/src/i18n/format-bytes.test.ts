import { afterEach, describe, expect, it } from 'vitest'
import { formatBytes, locale } from './index.ts'

afterEach(() => (locale.value = 'en'))

describe('formatBytes', () => {
  it('spells bytes out and shortens the larger units, in English', () => {
    expect([1, 118, 999, 1_200, 24_300, 999_499, 2_500_000, 25_000_000].map(formatBytes)).toEqual([
      '1 byte',
      '118 bytes',
      '999 bytes',
      '1.2 kB',
      '24 kB',
      '999 kB',
      '2.5 MB',
      '25 MB',
    ])
  })

  it('in French, with its no-break spaces before the unit', () => {
    locale.value = 'fr'
    expect([118, 1_200, 2_500_000].map(formatBytes)).toEqual(['118\u00a0octets', '1,2\u202fko', '2,5\u202fMo'])
  })
})

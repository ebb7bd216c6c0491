import { describe, expect, it } from 'vitest'
import { durationUnits, shortDuration } from './duration.ts'

describe('a short duration', () => {
  it('reads in its largest unit first', () => {
    expect(shortDuration(45_000)).toBe('45 s')
    expect(shortDuration(12 * 60_000 + 59_000)).toBe('12 min')
    expect(shortDuration(83 * 60_000)).toBe('1 h 23')
    expect(shortDuration(52 * 3_600_000)).toBe('2 d 4 h')
    expect(shortDuration(48 * 3_600_000)).toBe('2 d')
  })

  it('ignores the sign (the caller says overdue or due) and speaks French', () => {
    expect(shortDuration(-90_000)).toBe('1 min')
    expect(shortDuration(26 * 3_600_000, durationUnits.fr)).toBe('1 j 2 h')
  })
})

import { describe, expect, it } from 'vitest'
import type { BusinessCalendar } from './business-hours.ts'
import { addWorkingMinutes, workingMsBetween } from './business-hours.ts'

const paris: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  week: { mon: ['09:00', '17:00'], tue: ['09:00', '17:00'], wed: ['09:00', '17:00'], thu: ['09:00', '17:00'], fri: ['09:00', '17:00'] },
  holidays: ['2026-12-25'],
}
// Paris is UTC+1 in winter.
const at = (iso: string) => Date.parse(iso)

describe('addWorkingMinutes', () => {
  it('counts calendar time without a calendar', () => {
    expect(addWorkingMinutes(at('2026-11-28T10:00:00Z'), 90)).toBe(at('2026-11-28T11:30:00Z'))
  })

  it('stays within one working day when it fits', () => {
    // Monday 10:00 Paris + 3 h = 13:00 Paris = 12:00Z
    expect(addWorkingMinutes(at('2026-11-30T09:00:00Z'), 180, paris)).toBe(at('2026-11-30T12:00:00Z'))
  })

  it('carries over the night and the weekend', () => {
    // Friday 16:00 Paris + 3 h = 1 h on Friday, 2 h on Monday → Monday 11:00 Paris = 10:00Z
    expect(addWorkingMinutes(at('2026-12-04T15:00:00Z'), 180, paris)).toBe(at('2026-12-07T10:00:00Z'))
  })

  it('starts at opening time when reported at night, and skips holidays', () => {
    // Thursday 24 Dec 22:00 Paris; Friday 25 is a holiday; weekend → Monday 28 09:00 + 1 h
    expect(addWorkingMinutes(at('2026-12-24T21:00:00Z'), 60, paris)).toBe(at('2026-12-28T09:00:00Z'))
  })

  it('follows daylight saving time', () => {
    // Monday 30 March 2026, Paris is UTC+2: 09:00 Paris = 07:00Z
    expect(addWorkingMinutes(at('2026-03-30T05:00:00Z'), 60, paris)).toBe(at('2026-03-30T08:00:00Z'))
  })
})

describe('workingMsBetween', () => {
  it('measures only open hours', () => {
    // Friday 16:00 Paris → Monday 10:00 Paris: 1 h + 1 h
    expect(workingMsBetween(at('2026-12-04T15:00:00Z'), at('2026-12-07T09:00:00Z'), paris)).toBe(2 * 3_600_000)
  })
})

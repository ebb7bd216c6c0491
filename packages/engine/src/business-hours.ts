/**
 * Working time for SLA clocks: an app's opening hours in its time zone, with holidays.
 * Without a calendar, SLA clocks run in calendar time (every minute counts).
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

export interface BusinessCalendar {
  /** IANA time zone, e.g. `Europe/Paris`. */
  timeZone: string
  /** Opening hours per weekday as `["09:00", "17:30"]`; a missing day is closed. */
  week: Partial<Record<Weekday, [string, string]>>
  /** Closed dates, `YYYY-MM-DD` in the calendar's time zone. */
  holidays?: string[]
}

const weekdays: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const dayMs = 86_400_000

interface LocalDate {
  year: number
  month: number
  day: number
  weekday: Weekday
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, format)
  }
  return format
}

/** The wall-clock time of `instant` in `timeZone`, read as if it were UTC. */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  )
  return Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']))
}

/** The instant at which the clocks of `timeZone` show `wall` (two passes settle DST offsets). */
function instantOf(wall: number, timeZone: string): number {
  const guess = wall - (wallClock(wall, timeZone) - wall)
  return wall - (wallClock(guess, timeZone) - guess)
}

function localDate(instant: number, timeZone: string): LocalDate {
  const wall = new Date(wallClock(instant, timeZone))
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), weekday: weekdays[wall.getUTCDay()] ?? 'sun' }
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  return (hours ?? 0) * 60 + (minutes ?? 0)
}

/** The open interval of the local day containing `instant`, as instants, or none if closed. */
function openingOf(date: LocalDate, calendar: BusinessCalendar): [number, number] | undefined {
  const iso = `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
  const hours = calendar.week[date.weekday]
  if (!hours || calendar.holidays?.includes(iso)) return undefined
  const midnight = Date.UTC(date.year, date.month - 1, date.day)
  return [instantOf(midnight + minutesOf(hours[0]) * 60_000, calendar.timeZone), instantOf(midnight + minutesOf(hours[1]) * 60_000, calendar.timeZone)]
}

/** Walks the open intervals from `start` on, day by day (a year at most: a calendar with no hours never opens). */
function* openIntervals(start: number, calendar: BusinessCalendar): Generator<[number, number]> {
  for (let day = 0, cursor = start; day < 366; day++, cursor += dayMs) {
    const opening = openingOf(localDate(cursor, calendar.timeZone), calendar)
    if (opening && opening[1] > start) yield [Math.max(opening[0], start), opening[1]]
  }
}

/** `start` plus `minutes` of working time (calendar time without a calendar). */
export function addWorkingMinutes(start: number, minutes: number, calendar?: BusinessCalendar): number {
  if (!calendar) return start + minutes * 60_000
  let left = minutes * 60_000
  for (const [open, close] of openIntervals(start, calendar)) {
    if (close - open >= left) return open + left
    left -= close - open
  }
  throw new Error('The business calendar has no opening hours within a year: check its week.')
}

/** Working time between two instants, in ms (calendar time without a calendar). */
export function workingMsBetween(from: number, to: number, calendar?: BusinessCalendar): number {
  if (to <= from) return 0
  if (!calendar) return to - from
  let total = 0
  for (const [open, close] of openIntervals(from, calendar)) {
    if (open >= to) break
    total += Math.min(close, to) - open
  }
  return total
}

/**
 * A duration in a few characters, the largest unit first: `45 s`, `12 min`, `3 h 05`, `2 d 4 h`.
 * Countdowns and SLA clocks use it, so agents read "due in 1 h 20" at a glance. Sign is the caller's.
 * @example shortDuration(4_980_000) // '1 h 23'
 */
export function shortDuration(ms: number, units: DurationUnits = { day: 'd', hour: 'h', minute: 'min', second: 's' }): string {
  const seconds = Math.floor(Math.abs(ms) / 1000)
  if (seconds < 60) return `${seconds} ${units.second}`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} ${units.minute}`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} ${units.hour} ${String(minutes % 60).padStart(2, '0')}`
  const days = Math.floor(hours / 24)
  return hours % 24 === 0 ? `${days} ${units.day}` : `${days} ${units.day} ${hours % 24} ${units.hour}`
}

/** The unit abbreviations of a language. */
export interface DurationUnits {
  day: string
  hour: string
  minute: string
  second: string
}

/** French writes days as `j` (jour). */
export const durationUnits = { en: { day: 'd', hour: 'h', minute: 'min', second: 's' }, fr: { day: 'j', hour: 'h', minute: 'min', second: 's' } } as const

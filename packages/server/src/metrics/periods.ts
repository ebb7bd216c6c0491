/**
 * Rollup periods: UTC days and UTC months. A window [from, to) is read as the months it covers
 * whole, then the days it covers whole, then at most two partial days read from the tickets
 * themselves — so a year is about a dozen months and a few days, whatever the traffic.
 */

const dayMs = 86_400_000

/** A stored period's name: `d:<days since the epoch>` or `m:<YYYY-MM>`. */
export type PeriodKey = `d:${number}` | `m:${string}`

export const dayOf = (ms: number) => Math.floor(ms / dayMs)
export const dayKey = (day: number): PeriodKey => `d:${day}`
export const monthKeyOfDay = (day: number): PeriodKey => `m:${new Date(day * dayMs).toISOString().slice(0, 7)}`

/** Whether a month is over by `today` (a day number). */
export const monthEndedBy = (month: PeriodKey, today: number) => daysOfMonth(month).last < today

/** The days of the month named by a month key. */
export function daysOfMonth(month: PeriodKey): { first: number; last: number } {
  const [year, monthNumber] = month.slice(2).split('-').map(Number) as [number, number]
  const first = dayOf(Date.UTC(year, monthNumber - 1, 1))
  const last = dayOf(Date.UTC(year, monthNumber, 1)) - 1
  return { first, last }
}

export interface WindowPlan {
  months: PeriodKey[]
  days: PeriodKey[]
  /** Ranges [from, to) read from the tickets (parts of a day). */
  partial: [number, number][]
}

/**
 * How to read [from, to): whole months, whole days, and the partial days left over. Only months
 * that ended before `today` are read whole: the current month changes all day, so it is read as
 * its days, and its month summary is only made once it is over.
 */
export function planWindow(from: number, to: number, today = Infinity): WindowPlan {
  const plan: WindowPlan = { months: [], days: [], partial: [] }
  if (from >= to) return plan
  const firstWholeDay = Math.ceil(from / dayMs)
  const endWholeDays = Math.floor(to / dayMs) // exclusive
  if (firstWholeDay >= endWholeDays) {
    plan.partial.push([from, to])
    return plan
  }
  if (from < firstWholeDay * dayMs) plan.partial.push([from, firstWholeDay * dayMs])
  let day = firstWholeDay
  while (day < endWholeDays) {
    const month = monthKeyOfDay(day)
    const { first, last } = daysOfMonth(month)
    if (day === first && last < endWholeDays && last < today) {
      plan.months.push(month)
      day = last + 1
    } else {
      plan.days.push(dayKey(day))
      day++
    }
  }
  if (endWholeDays * dayMs < to) plan.partial.push([endWholeDays * dayMs, to])
  return plan
}

import { describe, expect, it } from 'vitest'
import { dayKey, dayOf, planWindow } from './periods.ts'

const at = (iso: string) => Date.parse(iso)

describe('planWindow', () => {
  it('reads whole months as months, whole days as days, and the ends as partial ranges', () => {
    const plan = planWindow(at('2026-01-30T10:00:00Z'), at('2026-04-02T06:00:00Z'))
    expect(plan.months).toEqual(['m:2026-02', 'm:2026-03'])
    expect(plan.days).toEqual([dayKey(dayOf(at('2026-01-31T00:00:00Z'))), dayKey(dayOf(at('2026-04-01T00:00:00Z')))])
    expect(plan.partial).toEqual([
      [at('2026-01-30T10:00:00Z'), at('2026-01-31T00:00:00Z')],
      [at('2026-04-02T00:00:00Z'), at('2026-04-02T06:00:00Z')],
    ])
  })

  it('reads a window inside one day from the tickets alone, and an empty window not at all', () => {
    expect(planWindow(at('2026-05-10T03:00:00Z'), at('2026-05-10T21:00:00Z'))).toEqual({
      months: [],
      days: [],
      partial: [[at('2026-05-10T03:00:00Z'), at('2026-05-10T21:00:00Z')]],
    })
    expect(planWindow(5, 5)).toEqual({ months: [], days: [], partial: [] })
  })

  it('takes a month that ends the window as a month (the end is exclusive)', () => {
    expect(planWindow(at('2026-02-01T00:00:00Z'), at('2026-03-01T00:00:00Z'))).toEqual({ months: ['m:2026-02'], days: [], partial: [] })
  })
})

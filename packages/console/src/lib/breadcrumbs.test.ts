import { describe, expect, it } from 'vitest'
import { breadcrumbTimeline } from './breadcrumbs.ts'

describe('the breadcrumbs as a timeline before the report', () => {
  it('puts them oldest first, each with how long before the report it happened', () => {
    const steps = breadcrumbTimeline(
      {
        breadcrumbs: [
          { at: '2026-12-01T10:00:50.000Z', type: 'error', message: 'TypeError: x is undefined' },
          { at: '2026-12-01T10:00:00.000Z', type: 'navigation', message: '/settings', data: { from: '/home' } },
          { at: '2026-12-01T10:00:30.000Z', type: 'http', message: 'POST /api/save 500', level: 'warning' },
        ],
      },
      '2026-12-01T10:01:00.000Z',
    )
    expect(steps.map((step) => [step.message, step.beforeMs, step.level])).toEqual([
      ['/settings', 60_000, 'info'],
      ['POST /api/save 500', 30_000, 'warning'],
      ['TypeError: x is undefined', 10_000, 'error'],
    ])
    expect(steps[0]?.details).toEqual([['from', '/home']])
  })

  it('leaves out what is not a breadcrumb, and copes with none', () => {
    expect(breadcrumbTimeline({ breadcrumbs: [{ nope: true }, 'text'] as never }, '2026-12-01T10:00:00.000Z')).toEqual([])
    expect(breadcrumbTimeline({}, '2026-12-01T10:00:00.000Z')).toEqual([])
  })
})

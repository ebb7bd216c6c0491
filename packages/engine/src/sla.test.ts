import { describe, expect, it } from 'vitest'
import type { SlaTicket } from './sla.ts'
import { defaultSlaPolicy } from './sla.ts'
import { reporterPromise, resumeAfterPause, slaDueTimes, slaPromise, sweepDecision } from './sla.ts'

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
      firstResponseRiskAt: start + response * 0.75 * 3_600_000,
      resolutionRiskAt: start + resolution * 0.75 * 3_600_000,
    })
  })

  it('says the promise in the reporter’s language', () => {
    expect(slaPromise('P3')).toBe('we answer within 3 hours')
    expect(slaPromise('P1', 'fr')).toBe('nous répondons sous 1 heure')
  })

  it('promises a fix in hours or whole days', () => {
    expect(slaPromise('P1', 'en', undefined, 'resolution')).toBe('we aim to fix it within 4 hours')
    expect(slaPromise('P3', 'en', undefined, 'resolution')).toBe('we aim to fix it within 24 hours')
    expect(slaPromise('P4', 'en', undefined, 'resolution')).toBe('we aim to fix it within 3 days')
    expect(slaPromise('P4', 'fr', undefined, 'resolution')).toBe('nous visons une solution sous 3 jours')
    expect(slaPromise('P2', 'fr', { ...defaultSlaPolicy, P2: { firstResponseMinutes: 30, resolutionMinutes: 90 } }, 'resolution')).toBe('nous visons une solution sous 2 heures')
    expect(slaPromise('P2', 'en', { ...defaultSlaPolicy, P2: { firstResponseMinutes: 30, resolutionMinutes: 45 } }, 'resolution')).toBe('we aim to fix it within 45 minutes')
  })
})

describe('reporterPromise', () => {
  it('speaks of the first answer, then of the fix once agents answered, and of nothing once resolved or closed', () => {
    expect(reporterPromise({ status: 'new', priority: 'P3', firstResponseAt: null }, 'en')).toBe('we answer within 3 hours')
    expect(reporterPromise({ status: 'in_progress', priority: 'P3', firstResponseAt: 1 }, 'en')).toBe('we aim to fix it within 24 hours')
    expect(reporterPromise({ status: 'pending_reporter', priority: 'P3', firstResponseAt: 1 }, 'fr')).toBe('nous visons une solution sous 24 heures')
    expect(reporterPromise({ status: 'resolved', priority: 'P3', firstResponseAt: 1 }, 'en')).toBeNull()
    expect(reporterPromise({ status: 'closed', priority: 'P3', firstResponseAt: null }, 'en')).toBeNull()
  })
})

describe('resumeAfterPause', () => {
  it('pushes an unmet due time by the time spent waiting on the reporter', () => {
    expect(resumeAfterPause(10_000, 2_000, 5_000)).toBe(13_000)
    expect(resumeAfterPause(null, 2_000, 5_000)).toBeNull()
  })
})

describe('sweepDecision', () => {
  const hour = 3_600_000
  const start = Date.UTC(2026, 10, 30, 9)
  const ticket = (overrides: Partial<SlaTicket> = {}): SlaTicket => ({
    status: 'new',
    priority: 'P3',
    tier: 'L1',
    createdAt: start,
    firstResponseAt: null,
    ...slaDueTimes(overrides.priority ?? 'P3', start),
    firstResponseRiskMarkedAt: null,
    firstResponseBreachMarkedAt: null,
    resolutionRiskMarkedAt: null,
    resolutionBreachMarkedAt: null,
    ...overrides,
  })

  it('does nothing before 75 % of a target', () => {
    expect(sweepDecision(ticket(), start + 2 * hour)).toEqual({ mark: [] })
  })

  it('escalates an L1 ticket at 75 % of its first-response target to L2', () => {
    expect(sweepDecision(ticket(), start + 2.25 * hour)).toEqual({
      mark: [{ clock: 'first_response', state: 'at_risk' }],
      escalate: { to: 'L2', reason: 'SLA: first response at risk on L1' },
    })
  })

  it('marks a breach once, and nothing the second time', () => {
    const breached = sweepDecision(ticket({ tier: 'L2', firstResponseRiskMarkedAt: start }), start + 3.5 * hour)
    expect(breached.mark).toEqual([{ clock: 'first_response', state: 'breached' }])
    expect(breached.escalate).toBeUndefined()
    expect(sweepDecision(ticket({ tier: 'L2', firstResponseRiskMarkedAt: start, firstResponseBreachMarkedAt: start + 3.5 * hour }), start + 3.6 * hour)).toEqual({ mark: [] })
  })

  it('sends a P1 to L3 once half its resolution target is gone', () => {
    const p1 = ticket({ priority: 'P1', tier: 'L2', firstResponseAt: start + 600_000 })
    expect(sweepDecision(p1, start + 1.9 * hour).escalate).toBeUndefined()
    expect(sweepDecision(p1, start + 2 * hour).escalate).toEqual({ to: 'L3', reason: 'SLA: P1 not resolved in half its target' })
  })

  it('escalates one tier up on a resolution breach, and never past L3', () => {
    const late = start + 25 * hour
    expect(sweepDecision(ticket({ firstResponseAt: start, tier: 'L2' }), late)).toMatchObject({ mark: [{ clock: 'resolution', state: 'breached' }], escalate: { to: 'L3' } })
    expect(sweepDecision(ticket({ firstResponseAt: start, tier: 'L3' }), late).escalate).toBeUndefined()
  })

  it('stops the clocks while waiting on the reporter and after resolution', () => {
    expect(sweepDecision(ticket({ status: 'pending_reporter' }), start + 30 * hour)).toEqual({ mark: [] })
    expect(sweepDecision(ticket({ status: 'resolved' }), start + 30 * hour)).toEqual({ mark: [] })
  })
})

import type { SlaClock } from '@triage/protocol'
import { describe, expect, it } from 'vitest'
import { clockThatMatters, liveClock } from './sla.ts'

const start = '2026-12-01T10:00:00.000Z'
const at = (minutes: number) => Date.parse(start) + minutes * 60_000
const running: SlaClock = { dueAt: new Date(at(60)).toISOString(), metAt: null, state: 'running' }

describe('a live SLA clock', () => {
  it('counts down and turns at risk at 75 % of the time to its target, then breached past it', () => {
    expect(liveClock(running, start, at(10), 'new')).toEqual({ state: 'running', remainingMs: 50 * 60_000 })
    expect(liveClock(running, start, at(45), 'new')).toEqual({ state: 'at_risk', remainingMs: 15 * 60_000 })
    expect(liveClock(running, start, at(61), 'in_progress')).toEqual({ state: 'breached', remainingMs: -60_000 })
  })

  it("follows the server's riskAt when it gives one (business hours move it)", () => {
    const clock = { ...running, riskAt: new Date(at(20)).toISOString() }
    expect(liveClock(clock, start, at(21), 'new').state).toBe('at_risk')
    expect(liveClock(clock, start, at(19), 'new').state).toBe('running')
  })

  it('keeps the server’s at-risk verdict even if the local guess says otherwise', () => {
    expect(liveClock({ ...running, state: 'at_risk' }, start, at(1), 'new').state).toBe('at_risk')
  })

  it('stands still while waiting on the reporter, and shows a met or missed target as such', () => {
    expect(liveClock(running, start, at(70), 'pending_reporter').state).toBe('paused')
    expect(liveClock({ ...running, metAt: start, state: 'met' }, start, at(70), 'in_progress')).toEqual({ state: 'met', remainingMs: null })
    expect(liveClock({ ...running, state: 'missed' }, start, at(70), 'in_progress').state).toBe('missed')
  })

  it('has nothing to count without a target or once the ticket is resolved', () => {
    expect(liveClock({ dueAt: null, metAt: null, state: 'running' }, start, at(1), 'new').state).toBe('none')
    expect(liveClock(running, start, at(90), 'resolved').state).toBe('none')
  })
})

describe('the clock a queue row shows', () => {
  it('is the first response until it is met, then the resolution', () => {
    expect(clockThatMatters({ firstResponse: running, resolution: running })).toBe('firstResponse')
    expect(clockThatMatters({ firstResponse: { ...running, state: 'met', metAt: start }, resolution: running })).toBe('resolution')
  })
})

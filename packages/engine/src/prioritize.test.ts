import { describe, expect, it } from 'vitest'
import { prioritize, priorityOf } from './prioritize.ts'

describe('priorityOf', () => {
  it.each([
    ['high', 'high', 'P1'],
    ['high', 'medium', 'P2'],
    ['high', 'low', 'P3'],
    ['medium', 'high', 'P2'],
    ['medium', 'medium', 'P3'],
    ['medium', 'low', 'P3'],
    ['low', 'high', 'P3'],
    ['low', 'medium', 'P3'],
    ['low', 'low', 'P4'],
  ] as const)('maps impact %s × urgency %s to %s (ITIL matrix)', (impact, urgency, expected) => {
    expect(priorityOf(impact, urgency)).toBe(expected)
  })
})

describe('prioritize', () => {
  it('makes an outage for everyone with no workaround a P1', () => {
    const decision = prioritize('bug', { impact: 'everyone', workaround: 'no' })
    expect(decision).toMatchObject({ value: 'P1', impact: 'high', urgency: 'high' })
    expect(decision.reasons.join(' ')).toMatch(/everyone/)
  })

  it('makes one person with a workaround a P4', () => {
    expect(prioritize('bug', { impact: 'me', workaround: true }).value).toBe('P4')
  })

  it('treats security as urgent whatever the workaround', () => {
    expect(prioritize('security', { impact: 'team', workaround: 'yes' })).toMatchObject({ urgency: 'high', value: 'P2' })
  })

  it('defaults to low impact and medium urgency without answers', () => {
    expect(prioritize('bug')).toMatchObject({ impact: 'low', urgency: 'medium', value: 'P3' })
  })
})

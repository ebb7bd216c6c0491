import { describe, expect, it } from 'vitest'
import { categorize } from './categorize.ts'

describe('categorize', () => {
  it.each([
    ['I cannot log in, my password reset link fails', 'access'],
    ['Je ne peux plus me connecter, mot de passe refusé', 'access'],
    ['I was charged twice on my last invoice', 'billing'],
    ['La page met du temps, tout est très lent', 'performance'],
    ['All my notes disappeared after the update', 'data_loss'],
    ['Mon compte a été piraté', 'security'],
    ['How do I export my data to CSV?', 'how_to'],
  ])('files “%s” under %s', (symptoms, expected) => {
    expect(categorize(symptoms, undefined).value).toBe(expected)
  })

  it('explains its choice with the words it matched', () => {
    const decision = categorize('The app shows a blank page and an error', undefined)
    expect(decision.value).toBe('bug')
    expect(decision.reasons.some((reason) => reason.includes('error'))).toBe(true)
    expect(decision.confidence).toBeGreaterThan(0)
  })

  it('lets a captured HTTP 5xx point to an outage', () => {
    const decision = categorize('nothing happens when I click save', {
      breadcrumbs: [{ at: '2026-11-28T10:00:00Z', type: 'http', message: 'POST /api/save', data: { status: 503 } }],
    })
    expect(decision.value).toBe('connectivity')
    expect(decision.reasons).toContain('a request failed with HTTP 503')
  })

  it('falls back with zero confidence when nothing matches', () => {
    expect(categorize('zzz qqq', undefined)).toMatchObject({ value: 'bug', confidence: 0 })
  })
})

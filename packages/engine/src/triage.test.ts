import { describe, expect, it } from 'vitest'
import { identify } from './identify.ts'
import { triage } from './triage.ts'

describe('identify', () => {
  it('tells a request from an incident', () => {
    expect(identify('Could you give me access to the billing page? I would like to see invoices').value).toBe('request')
    expect(identify('The checkout crashes with an error').value).toBe('incident')
    expect(identify('Pourriez-vous ajouter un export PDF ? Je voudrais partager mes rapports').value).toBe('request')
  })
})

describe('triage', () => {
  it('routes a security report to L3 with its reasons', () => {
    const reasoning = triage({ symptoms: 'My account was hacked, someone changed my e-mail' })
    expect(reasoning.category.value).toBe('security')
    expect(reasoning.tier.value).toBe('L3')
    expect(reasoning.priority.reasons.length).toBeGreaterThan(0)
  })

  it('sends a P1 straight to L3 and keeps a quiet P3 at L1', () => {
    expect(triage({ symptoms: 'Checkout is broken', answers: { impact: 'everyone', workaround: 'no' } }).tier.value).toBe('L3')
    expect(triage({ symptoms: 'A button label is misaligned, a bug' }).tier.value).toBe('L1')
  })

  it('takes the category the reporter picked when the taxonomy knows it', () => {
    expect(triage({ symptoms: 'something odd', category: 'billing' }).category).toMatchObject({ value: 'billing', confidence: 1 })
    expect(triage({ symptoms: 'something odd', category: 'nonsense' }).category.value).not.toBe('nonsense')
  })
})

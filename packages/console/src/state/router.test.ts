// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { parseRoute } from './router.ts'

describe('the console’s URLs', () => {
  it('maps each path to its screen', () => {
    expect(parseRoute('/console', '')).toEqual({ screen: 'queue' })
    expect(parseRoute('/console/', '')).toEqual({ screen: 'queue' })
    expect(parseRoute('/console/incidents/inc_01J', '')).toEqual({ screen: 'ticket', id: 'inc_01J' })
    expect(parseRoute('/console/metrics', '')).toEqual({ screen: 'metrics' })
    expect(parseRoute('/console/sign-in', '')).toEqual({ screen: 'sign-in' })
    expect(parseRoute('/console/somewhere/else', '')).toEqual({ screen: 'queue' })
  })

  it('reads the invitation token from the fragment, which no server sees', () => {
    expect(parseRoute('/console/invitation', '#tok_abc-123')).toEqual({ screen: 'invitation', token: 'tok_abc-123' })
    expect(parseRoute('/console/invitation', '')).toEqual({ screen: 'invitation', token: '' })
  })
})

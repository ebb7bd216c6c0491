// @vitest-environment happy-dom
import type { SlaClock } from '@triage/protocol'
import { h, render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { locale } from '../i18n/index.ts'
import { now } from './now.ts'
import { SlaBadge } from './sla-badge.tsx'

const start = Date.parse('2026-12-01T10:00:00.000Z')
const clock: SlaClock = { dueAt: new Date(start + 60 * 60_000).toISOString(), metAt: null, state: 'running' }
const host = document.createElement('div')
afterEach(() => {
  render(null, host)
  locale.value = 'en'
})

describe('an SLA countdown', () => {
  it('changes colour and words as time passes: on time, at risk, breached', () => {
    act(() => void (now.value = start + 10 * 60_000))
    act(() => render(<SlaBadge clock={clock} startedAt={new Date(start).toISOString()} status="new" />, host))
    const badge = () => host.querySelector('.sla')!
    expect(badge().className).toBe('sla sla-running')
    expect(badge().textContent).toBe('On timedue in 50 min')

    act(() => void (now.value = start + 50 * 60_000))
    expect(badge().className).toBe('sla sla-at_risk')
    expect(badge().textContent).toBe('At riskdue in 10 min')

    act(() => void (now.value = start + 75 * 60_000))
    expect(badge().className).toBe('sla sla-breached')
    expect(badge().textContent).toBe('Breachedoverdue by 15 min')
  })

  it('speaks French', () => {
    act(() => void ((now.value = start + 30 * 60_000), (locale.value = 'fr')))
    act(() => render(<SlaBadge clock={clock} startedAt={new Date(start).toISOString()} status="in_progress" />, host))
    expect(host.textContent).toBe('Dans les tempsdans 30 min')
  })
})

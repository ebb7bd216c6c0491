import { describe, expect, it } from 'vitest'
import { nextStatus, transitions } from './lifecycle.ts'

describe('nextStatus', () => {
  it('moves a new incident to in progress on the first public reply, assignment or escalation', () => {
    expect(nextStatus('new', { type: 'public_reply', awaitReporter: false })).toEqual({ ok: true, status: 'in_progress' })
    expect(nextStatus('new', { type: 'assign' })).toEqual({ ok: true, status: 'in_progress' })
    expect(nextStatus('new', { type: 'escalate', to: 'L2' }, 'L1')).toEqual({ ok: true, status: 'in_progress' })
  })

  it('waits on the reporter and comes back when they answer', () => {
    expect(nextStatus('in_progress', { type: 'public_reply', awaitReporter: true })).toEqual({ ok: true, status: 'pending_reporter' })
    expect(nextStatus('pending_reporter', { type: 'reporter_reply' })).toEqual({ ok: true, status: 'in_progress' })
    // A reporter writing on a resolved ticket says it is not fixed; a closed one only reopens.
    expect(nextStatus('resolved', { type: 'reporter_reply' })).toEqual({ ok: true, status: 'in_progress' })
    expect(nextStatus('closed', { type: 'reporter_reply' })).toMatchObject({ ok: false, allowed: ['reopen'] })
    expect(nextStatus('new', { type: 'public_reply', awaitReporter: true })).toEqual({ ok: true, status: 'pending_reporter' })
  })

  it('never changes status on an internal note', () => {
    for (const status of Object.keys(transitions) as (keyof typeof transitions)[]) {
      expect(nextStatus(status, { type: 'internal_note' })).toEqual({ ok: true, status })
    }
  })

  it('resolves from new (a fix at first contact), in progress or pending; closes only resolved ones', () => {
    for (const status of ['new', 'in_progress', 'pending_reporter'] as const) {
      expect(nextStatus(status, { type: 'resolve' })).toEqual({ ok: true, status: 'resolved' })
    }
    expect(nextStatus('resolved', { type: 'close' })).toEqual({ ok: true, status: 'closed' })
    const refused = nextStatus('in_progress', { type: 'close' })
    expect(refused).toMatchObject({ ok: false, allowed: ['pending_reporter', 'resolved'] })
  })

  it('reopens resolved and closed incidents only', () => {
    expect(nextStatus('resolved', { type: 'reopen' })).toEqual({ ok: true, status: 'in_progress' })
    expect(nextStatus('closed', { type: 'reopen' })).toEqual({ ok: true, status: 'in_progress' })
    expect(nextStatus('new', { type: 'reopen' })).toMatchObject({ ok: false })
    expect(nextStatus('closed', { type: 'resolve' })).toMatchObject({ ok: false, allowed: ['in_progress'] })
    expect(nextStatus('resolved', { type: 'resolve' })).toMatchObject({ ok: false, allowed: ['closed', 'in_progress'] })
  })

  it('escalates only upwards and only while open', () => {
    expect(nextStatus('in_progress', { type: 'escalate', to: 'L3' }, 'L2')).toEqual({ ok: true, status: 'in_progress' })
    expect(nextStatus('in_progress', { type: 'escalate', to: 'L2' }, 'L2')).toMatchObject({ ok: false })
    expect(nextStatus('in_progress', { type: 'escalate', to: 'L2' }, 'L3')).toMatchObject({ ok: false })
    expect(nextStatus('resolved', { type: 'escalate', to: 'L3' }, 'L1')).toMatchObject({ ok: false })
  })
})

import type { IncidentEvent } from '@triage/protocol'
import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en.ts'
import { fr } from '../i18n/fr.ts'
import { describeEvent } from './timeline.ts'

const event = (type: IncidentEvent['type'], actor: string, data: Record<string, unknown>, visibility: IncidentEvent['visibility'] = 'internal'): IncidentEvent => ({
  id: 'evt_1',
  type,
  at: '2026-12-01T10:00:00.000Z',
  actor,
  visibility,
  data,
})
const names = { category: (id: string) => `<${id}>` }

describe('timeline entries in words', () => {
  it('names the person who did it: "Ada escalated to L2", with the reason as the body', () => {
    expect(describeEvent(event('escalated', 'Ada', { from: 'L1', tier: 'L2', reason: 'needs the identity team' }), en, names)).toEqual({
      title: 'Ada escalated to L2',
      body: 'needs the identity team',
      internalBody: null,
    })
    expect(describeEvent(event('escalated', 'Ada', { tier: 'L2', reason: 'x' }), fr, names).title).toBe('Ada a escaladé vers L2')
  })

  it('says who the machine parts are, and words ids', () => {
    expect(describeEvent(event('categorized', 'triage', { category: 'access' }), en, names).title).toBe('Triage set the category to <access>')
    expect(describeEvent(event('status_changed', 'Léa', { from: 'new', status: 'in_progress' }, 'public'), en, names).title).toBe('Léa moved it to in progress')
    expect(describeEvent(event('sla_breached', 'sla', { clock: 'firstResponse' }), en, names).title).toBe('The first response clock is breached')
    expect(describeEvent(event('assigned', 'Ada', { assignee: null }), en, names).title).toBe('Ada unassigned it')
  })

  it('keeps a resolution’s public note and its internal resolution apart', () => {
    expect(describeEvent(event('resolved', 'Ada', { body: 'Fixed, try again', resolution: 'purged tokens' }, 'public'), en, names)).toEqual({
      title: 'Ada resolved it',
      body: 'Fixed, try again',
      internalBody: 'purged tokens',
    })
  })

  it('gives a message its words as they were written (markup stays text for the renderer)', () => {
    expect(describeEvent(event('message', 'reporter', { body: '<img src=x onerror=alert(1)>' }, 'public'), en, names)).toEqual({
      title: 'The reporter wrote',
      body: '<img src=x onerror=alert(1)>',
      internalBody: null,
    })
  })

  it('words the grouping corrections and attachments, with the reason or the file name as the body', () => {
    expect(describeEvent(event('ungrouped', 'Ada', { parentId: 'inc_1', reason: 'another outage' }), en, names)).toEqual({
      title: 'Ada took it out of its major incident',
      body: 'another outage',
      internalBody: null,
    })
    expect(describeEvent(event('ungrouped', 'Ada', { reportId: 'inc_2', report: 'T-000042' }), en, names).title).toBe('Ada took T-000042 out of this major incident')
    expect(describeEvent(event('merged', 'Ada', { into: 'inc_3' }), en, names).title).toBe('Ada merged it into another major incident')
    expect(describeEvent(event('merged', 'Ada', { from: 'inc_4', reports: 3 }), fr, names).title).toBe('Ada a fusionné un autre incident majeur dans celui-ci (3 signalements)')
    expect(describeEvent(event('attached', 'reporter', { attachment: { id: 'att_1', name: 'screen.png', contentType: 'image/png', size: 1200 } }), en, names)).toEqual({
      title: 'The reporter attached a file',
      body: 'screen.png',
      internalBody: null,
    })
  })
})

// @vitest-environment happy-dom
import type { Incident } from '@triage/protocol'
import { h, render } from 'preact'
import { afterEach, describe, expect, it } from 'vitest'
import { createComposer } from './composer.tsx'
import { AttachmentsSection } from './attachments-section.tsx'
import { ContextSection } from './context-section.tsx'
import { ReporterSection } from './reporter-section.tsx'
import { SimilarSection } from './similar-section.tsx'
import { TimelineSection } from './timeline-section.tsx'

// Issue #18: everything user-written is rendered as text. Markup in a reporter's words, a contact,
// an answer, the context, a breadcrumb, a message, a resolution or a file's name shows as its characters.
const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>'
const at = '2026-12-01T10:00:00.000Z'
const incident = {
  id: 'inc_1',
  number: 'INC-000001',
  kind: 'incident',
  status: 'in_progress',
  category: 'bug',
  categoryLabel: hostile,
  categoryConfidence: 0.5,
  categorySource: 'auto',
  impact: 'medium',
  urgency: 'medium',
  priority: 'P3',
  tier: 'L1',
  assignee: hostile,
  symptoms: hostile,
  answers: { impact: hostile },
  contact: { name: hostile, email: 'a@example.com' },
  context: { url: hostile, userAgent: hostile, appVersion: hostile, breadcrumbs: [{ at, type: 'click', message: hostile, data: { [hostile]: hostile } }] },
  reasoning: {
    kind: { value: 'incident', confidence: 1, reasons: [hostile] },
    category: { value: 'bug', confidence: 0.5, reasons: [hostile] },
    priority: { value: 'P3', impact: 'medium', urgency: 'medium', reasons: [] },
    tier: { value: 'L1', reasons: [] },
  },
  parentId: null,
  isMajor: false,
  publicTitle: null,
  resolution: null,
  publicNote: null,
  sla: { firstResponse: { dueAt: null, metAt: null, state: 'running' }, resolution: { dueAt: null, metAt: null, state: 'running' } },
  createdAt: at,
  updatedAt: at,
  resolvedAt: null,
  closedAt: null,
  timeline: [
    { id: 'e1', type: 'message', at, actor: hostile, visibility: 'public', data: { body: hostile } },
    { id: 'e2', type: 'resolved', at, actor: 'Ada', visibility: 'public', data: { body: hostile, resolution: hostile } },
    { id: 'e3', type: 'escalated', at, actor: 'Ada', visibility: 'internal', data: { tier: 'L2', reason: hostile } },
  ],
  similar: [{ id: 'inc_0', number: 'INC-000000', score: 0.8, status: 'resolved', resolution: hostile, publicNote: hostile }],
  answerDetails: [{ questionId: 'impact', question: hostile, value: hostile, answer: hostile }],
  affected: null,
  attachments: [{ id: 'att_1', name: hostile, contentType: 'application/pdf', size: 1200, createdAt: at }],
} satisfies Incident

const host = document.createElement('div')
document.body.append(host)
afterEach(() => render(null, host))

describe('what people wrote, on the ticket', () => {
  it('is shown as text: no element, script or handler comes from it', () => {
    render(
      <div>
        <ReporterSection incident={incident} />
        <AttachmentsSection incident={incident} />
        <TimelineSection incident={incident} />
        <ContextSection incident={incident} />
        <SimilarSection incident={incident} composer={createComposer()} />
      </div>,
      host,
    )
    expect(host.querySelectorAll('img, script, b')).toHaveLength(0)
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined()
    // Each place shows the characters themselves.
    const text = host.textContent ?? ''
    expect(text.split(hostile).length - 1).toBeGreaterThanOrEqual(13)
    expect(host.querySelector('#files .file-name')?.textContent).toBe(hostile)
  })
})

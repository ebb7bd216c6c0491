import type { Incident } from '@triage/protocol'
import { h } from 'preact'
import { useState } from 'preact/hooks'
import { incidents } from '../../api/api.ts'
import { fill, formatDateTime, t } from '../../i18n/index.ts'
import { ticketPath } from '../../state/router.ts'
import { ConsoleLink } from '../../ui/shell.tsx'
import { Section } from './sections.tsx'
import type { TicketState } from './ticket-state.ts'

/**
 * A major incident's reports, growing live as reporters join; its public title (the widget's
 * notice); and one update that reaches every affected reporter.
 */
export function MajorSection({ incident, ticket }: { incident: Incident; ticket: TicketState }) {
  const strings = t.value
  const total = Math.max(ticket.childrenTotal.value, incident.affected ?? 0)
  const [update, setUpdate] = useState('')
  const [sent, setSent] = useState('')
  const [title, setTitle] = useState(incident.publicTitle ?? '')
  const sendUpdate = async (event: Event) => {
    event.preventDefault()
    const body = update.trim()
    if (!body) return
    setSent('')
    if (await ticket.act(() => incidents.message(incident.id, body, 'public', { toAffected: true }))) {
      setUpdate('')
      const message = ticket.incident.value?.timeline.findLast((entry) => entry.type === 'message')
      const reached = typeof message?.data['affected'] === 'number' ? message.data['affected'] : total
      setSent(fill(strings.updateSent, { count: reached }))
    }
  }
  const saveTitle = (event: Event) => {
    event.preventDefault()
    void ticket.act(() => incidents.patch(incident.id, { publicTitle: title.trim() || null }))
  }
  return (
    <Section id="major" title={strings.majorIncident} class="major-card">
      <h3 id="children-title">
        {strings.affectedReports}{' '}
        <span class="count" data-testid="children-count">
          {total}
        </span>
      </h3>
      <p class="meta">{fill(strings.affectedLive, { count: total })}</p>
      {/* Scrolls within itself past a dozen reports; focusable, so the keyboard can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus (axe: scrollable-region-focusable) */}
      <ul class="children" aria-labelledby="children-title" data-testid="children" tabIndex={0}>
        {ticket.children.value.map((child) => (
          <li key={child.id}>
            <ConsoleLink href={ticketPath(child.id)}>{child.number}</ConsoleLink>
            <span class="child-text">
              <span class="child-summary">{child.summary}</span>
              <span class="meta">
                {strings.status[child.status]} · {formatDateTime(child.createdAt)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <form class="stack" onSubmit={(event) => void sendUpdate(event)}>
        <label class="field">
          <span>{fill(strings.updateAffectedLabel, { count: total })}</span>
          <textarea value={update} maxLength={10_000} onInput={(event) => setUpdate(event.currentTarget.value)} data-testid="update-affected" />
        </label>
        <button type="submit" class="primary" disabled={ticket.busy.value || !update.trim()} data-testid="update-affected-send">
          {strings.updateAffected}
        </button>
        <p role="status" class="ok-line">
          {sent}
        </p>
      </form>
      <form class="stack title-form" onSubmit={saveTitle}>
        <label class="field">
          <span>{strings.publicTitle}</span>
          <input value={title} maxLength={200} onInput={(event) => setTitle(event.currentTarget.value)} data-testid="public-title" />
        </label>
        <button type="submit" disabled={ticket.busy.value || title.trim() === (incident.publicTitle ?? '')}>
          {strings.save}
        </button>
      </form>
    </Section>
  )
}

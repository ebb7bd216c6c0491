import { signal } from '@preact/signals'
import type { Incident } from '@triage/protocol'
import { h } from 'preact'
import { useEffect, useMemo, useRef } from 'preact/hooks'
import { incidents } from '../../api/api.ts'
import { ApiError } from '../../api/transport.ts'
import { categoryName, fill, t } from '../../i18n/index.ts'
import { assigneeName } from '../../state/colleagues.ts'
import { onLive } from '../../state/live.ts'
import { othersOn } from '../../state/presence.ts'
import { filters, items } from '../../state/queue.ts'
import { searchOf } from '../../state/queue-filters.ts'
import { base, navigate, ticketPath } from '../../state/router.ts'
import { agent } from '../../state/session.ts'
import { ErrorLine } from '../../ui/error-line.tsx'
import { useShortcuts } from '../../ui/keyboard.ts'
import { ConsoleLink } from '../../ui/shell.tsx'
import '../../styles/ticket.css'
import { EscalateDialog, ResolveDialog, tiersAbove } from './action-dialogs.tsx'
import { ComposerBox, createComposer } from './composer.tsx'
import { AttachmentsSection } from './attachments-section.tsx'
import { ContextSection } from './context-section.tsx'
import { CorrectionsSection } from './corrections-section.tsx'
import { MajorSection } from './major-section.tsx'
import { ReasoningSection } from './reasoning-section.tsx'
import { ReporterSection } from './reporter-section.tsx'
import { SimilarSection } from './similar-section.tsx'
import { SlaSection } from './sla-section.tsx'
import type { TicketState } from './ticket-state.ts'
import { createTicketState } from './ticket-state.ts'
import { TimelineSection } from './timeline-section.tsx'

type OpenDialog = 'escalate' | 'resolve' | null

/** The URL of the queue as the agent left it (its view and filters). */
const queuePath = () => `${base}${searchOf(filters.value)}`

/** The ticket after or before this one in the queue the agent came from (j/k walk the queue from here). */
function neighbour(id: string, step: number): string | undefined {
  const list = items.value
  const index = list.findIndex((item) => item.id === id)
  return index < 0 ? undefined : list[index + step]?.id
}

/**
 * The enriched ticket: what the reporter wrote and answered, context, the engine's reasons, SLA
 * clocks, similar incidents, the timeline, reply and note, and every action. Keyboard: r, n, e, s,
 * a, j/k, Esc (see `?`).
 */
export function TicketScreen({ id }: { id: string }) {
  const ticket = useMemo(() => createTicketState(id), [id])
  const composer = useMemo(createComposer, [id])
  const dialog = useMemo(() => signal<OpenDialog>(null), [id])
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => ticket.dispose, [ticket])
  useEffect(() => onLive(ticket.onEvent), [ticket])

  const incident = ticket.incident.value
  const loaded = incident !== null
  // A shortcut from the queue (`r` on a row opens it with #reply) acts once the ticket is there.
  useEffect(() => {
    if (!loaded) return
    const then = window.location.hash.slice(1)
    if (then) window.history.replaceState(null, '', window.location.pathname + window.location.search)
    if (then === 'reply') composer.open('public')
    else if (then === 'note') composer.open('internal')
    else if (then === 'escalate' || then === 'resolve') dialog.value = then
    else heading.current?.focus()
  }, [loaded])

  const can = incident ? abilities(incident) : null
  const assignMe = () =>
    incident && agent.value && incident.assignee !== agent.value.id && can?.assign && void ticket.act(() => incidents.patch(incident.id, { assignee: agent.value!.id }))
  const go = (step: number) => {
    const next = neighbour(id, step)
    if (next) navigate(ticketPath(next))
  }
  useShortcuts({
    r: () => composer.open('public'),
    n: () => composer.open('internal'),
    e: () => can?.escalate && (dialog.value = 'escalate'),
    s: () => can?.resolve && (dialog.value = 'resolve'),
    a: () => assignMe(),
    j: () => go(1),
    k: () => go(-1),
    Escape: () => navigate(queuePath()),
  })

  const strings = t.value
  if (!incident) {
    const error = ticket.loadError.value
    return (
      <div class="page-message">
        {error ? <ErrorLine error={error instanceof ApiError && error.status === 404 ? new Error(strings.ticketGone) : error} /> : <p role="status">{strings.loading}</p>}
        <ConsoleLink href={queuePath()}>{strings.backToQueue}</ConsoleLink>
      </div>
    )
  }
  const affected = Math.max(ticket.childrenTotal.value, incident.affected ?? 0)
  return (
    <article class="ticket" aria-labelledby="ticket-title" data-testid="ticket" data-status={incident.status}>
      <ConsoleLink href={queuePath()} class="back">
        ← {strings.backToQueue}
      </ConsoleLink>
      <TicketHeader
        incident={incident}
        ticket={ticket}
        heading={heading}
        onEscalate={() => (dialog.value = 'escalate')}
        onResolve={() => (dialog.value = 'resolve')}
        onAssignMe={assignMe}
      />
      <PresenceLine id={incident.id} />
      <ErrorLine error={ticket.actionError.value && !dialog.value ? ticket.actionError.value : null} />
      <div class="ticket-columns">
        {incident.isMajor ? (
          // A major incident is worked through its reports: they come first; its own words are the grouping's.
          <div class="ticket-main">
            <MajorSection incident={incident} ticket={ticket} />
            <TimelineSection incident={incident} />
            <ComposerBox ticket={ticket} composer={composer} />
            <ReporterSection incident={incident} />
            <AttachmentsSection incident={incident} />
          </div>
        ) : (
          <div class="ticket-main">
            <ReporterSection incident={incident} />
            <AttachmentsSection incident={incident} />
            <TimelineSection incident={incident} />
            <ComposerBox ticket={ticket} composer={composer} />
          </div>
        )}
        <div class="ticket-side">
          <SlaSection incident={incident} />
          <ReasoningSection incident={incident} />
          <SimilarSection incident={incident} composer={composer} />
          <ContextSection incident={incident} />
          <CorrectionsSection incident={incident} ticket={ticket} />
        </div>
      </div>
      {dialog.value === 'escalate' ? <EscalateDialog incident={incident} ticket={ticket} onClose={() => (dialog.value = null)} /> : null}
      {dialog.value === 'resolve' ? <ResolveDialog incident={incident} ticket={ticket} affected={affected} onClose={() => (dialog.value = null)} /> : null}
    </article>
  )
}

/** A ticket's title: a major incident's public title when it has one, else the first words of the report. */
function titleOf(incident: Incident): string {
  const text = (incident.isMajor && incident.publicTitle) || incident.symptoms.replace(/\s+/g, ' ')
  return text.length > 90 ? `${text.slice(0, 90)}…` : text
}

/** What the lifecycle allows from the ticket's status (the server has the last word). */
function abilities(incident: Incident) {
  const open = incident.status !== 'resolved' && incident.status !== 'closed'
  return {
    assign: open,
    escalate: open && tiersAbove(incident.tier).length > 0,
    resolve: open,
    close: incident.status === 'resolved',
    reopen: !open,
  }
}

function TicketHeader({
  incident,
  ticket,
  heading,
  onEscalate,
  onResolve,
  onAssignMe,
}: {
  incident: Incident
  ticket: TicketState
  heading: { current: HTMLHeadingElement | null }
  onEscalate: () => void
  onResolve: () => void
  onAssignMe: () => void
}) {
  const strings = t.value
  const can = abilities(incident)
  const me = agent.value
  const parent = incident.parentId
  return (
    <header class="ticket-header">
      <div class="ticket-title-row">
        <h1 id="ticket-title" ref={heading} tabIndex={-1}>
          <span class="ticket-number">{incident.number}</span> {titleOf(incident)}
        </h1>
      </div>
      <ul class="ticket-facts" aria-label={strings.ticketFacts}>
        <li>
          <span class={`badge priority-${incident.priority}`}>{strings.priority[incident.priority]}</span>
        </li>
        <li class="badge status" data-testid="status">
          {strings.status[incident.status]}
        </li>
        <li>
          {strings.tier} <strong data-testid="tier">{incident.tier}</strong>
        </li>
        <li>
          {strings.category} <strong>{incident.categoryLabel || categoryName(incident.category)}</strong>
        </li>
        <li>
          {strings.assignee} <strong data-testid="assignee">{incident.assignee ? assigneeName(incident.assignee) : strings.unassignedLabel}</strong>
        </li>
        {incident.isMajor ? <li class="badge major">{strings.majorIncident}</li> : null}
        {parent ? (
          <li>
            <ConsoleLink href={ticketPath(parent)}>{strings.openMajor}</ConsoleLink>
          </li>
        ) : null}
      </ul>
      <div class="ticket-actions" role="group" aria-label={strings.actions}>
        {can.assign && incident.assignee !== me?.id ? (
          <button type="button" disabled={ticket.busy.value} onClick={onAssignMe} data-testid="assign-me">
            {strings.assignMe}
          </button>
        ) : null}
        {can.escalate ? (
          <button type="button" disabled={ticket.busy.value} onClick={onEscalate} data-testid="escalate">
            {strings.escalate}
          </button>
        ) : null}
        {can.resolve ? (
          <button type="button" class="primary" disabled={ticket.busy.value} onClick={onResolve} data-testid="resolve">
            {strings.resolve}
          </button>
        ) : null}
        {can.close ? (
          <button type="button" disabled={ticket.busy.value} onClick={() => void ticket.act(() => incidents.close(incident.id))} data-testid="close">
            {strings.closeTicket}
          </button>
        ) : null}
        {can.reopen ? (
          <button type="button" disabled={ticket.busy.value} onClick={() => void ticket.act(() => incidents.reopen(incident.id))} data-testid="reopen">
            {strings.reopen}
          </button>
        ) : null}
      </div>
    </header>
  )
}

/** Who else has this ticket open, and who is typing a reply: so two agents do not answer the same person twice. */
function PresenceLine({ id }: { id: string }) {
  const strings = t.value
  const others = othersOn(id, agent.value?.id)
  const names = others.map((viewer) => `${viewer.name}${viewer.typing ? strings.typing : ''}`).join(', ')
  return (
    <p class={others.length ? 'presence' : 'presence empty'} role="status" data-testid="presence">
      {others.length ? fill(strings.alsoViewing, { names }) : ''}
    </p>
  )
}

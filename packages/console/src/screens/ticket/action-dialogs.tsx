import type { Incident, Tier } from '@triage/protocol'
import { tiers } from '@triage/protocol'
import { h } from 'preact'
import { useState } from 'preact/hooks'
import { incidents } from '../../api/api.ts'
import { fill, t } from '../../i18n/index.ts'
import { Dialog } from '../../ui/dialog.tsx'
import { ErrorLine } from '../../ui/error-line.tsx'
import type { TicketState } from './ticket-state.ts'

/** The tiers above a ticket's own: where it can be escalated. */
export const tiersAbove = (tier: Tier) => tiers.slice(tiers.indexOf(tier) + 1) as Exclude<Tier, 'L1'>[]

/** Escalate with a reason, so the next tier does not start over. */
export function EscalateDialog({ incident, ticket, onClose }: { incident: Incident; ticket: TicketState; onClose: () => void }) {
  const strings = t.value
  const above = tiersAbove(incident.tier)
  const [missing, setMissing] = useState(false)
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const reason = String(form.get('reason') ?? '').trim()
    if (!reason) return setMissing(true)
    if (await ticket.act(() => incidents.escalate(incident.id, { tier: String(form.get('tier')) as Exclude<Tier, 'L1'>, reason }))) onClose()
  }
  return (
    <Dialog title={fill(strings.escalateTitle, { number: incident.number })} onClose={onClose}>
      <form class="stack" onSubmit={(event) => void submit(event)}>
        <label class="field">
          <span>{strings.escalateTo}</span>
          <select name="tier" data-autofocus>
            {above.map((tier) => (
              <option value={tier} key={tier}>
                {tier}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{strings.reason}</span>
          <textarea name="reason" maxLength={2_000} required aria-invalid={missing} aria-describedby={missing ? 'escalate-missing' : undefined} data-testid="escalate-reason" />
        </label>
        {missing ? (
          <p id="escalate-missing" class="error">
            {strings.reasonRequired}
          </p>
        ) : null}
        <ErrorLine error={ticket.actionError.value} />
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            {strings.cancel}
          </button>
          <button type="submit" class="primary" disabled={ticket.busy.value} data-testid="escalate-submit">
            {strings.escalate}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/**
 * Resolve: the resolution stays internal (for the next agent), the public note is what the
 * reporter reads. On a major incident, every report under it is resolved and told.
 */
export function ResolveDialog({ incident, ticket, onClose, affected }: { incident: Incident; ticket: TicketState; onClose: () => void; affected: number }) {
  const strings = t.value
  const [missing, setMissing] = useState(false)
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const resolution = String(form.get('resolution') ?? '').trim()
    const publicNote = String(form.get('publicNote') ?? '').trim()
    if (!resolution) return setMissing(true)
    if (await ticket.act(() => incidents.resolve(incident.id, { resolution, ...(publicNote ? { publicNote } : {}) }))) onClose()
  }
  return (
    <Dialog title={fill(strings.resolveTitle, { number: incident.number })} onClose={onClose}>
      <form class="stack" onSubmit={(event) => void submit(event)}>
        {incident.isMajor ? (
          <p class="note" role="note">
            {fill(strings.resolveAffected, { count: affected })}
          </p>
        ) : null}
        <label class="field">
          <span>{strings.publicNote}</span>
          <textarea name="publicNote" maxLength={10_000} data-autofocus data-testid="resolve-note" />
        </label>
        <label class="field">
          <span>{strings.resolution}</span>
          <textarea name="resolution" maxLength={10_000} required aria-invalid={missing} aria-describedby={missing ? 'resolve-missing' : undefined} data-testid="resolve-resolution" />
        </label>
        {missing ? (
          <p id="resolve-missing" class="error">
            {strings.resolutionRequired}
          </p>
        ) : null}
        <ErrorLine error={ticket.actionError.value} />
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            {strings.cancel}
          </button>
          <button type="submit" class="primary" disabled={ticket.busy.value} data-testid="resolve-submit">
            {strings.resolve}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

import type { Incident, Tier } from '@triage/protocol'
import { tiers } from '@triage/protocol'
import { Fragment, h } from 'preact'
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
        <RequiredText name="reason" label={strings.reason} missing={missing && strings.reasonRequired} maxLength={2_000} testId="escalate-reason" />
        <DialogFooter ticket={ticket} onClose={onClose} label={strings.escalate} testId="escalate-submit" />
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
        <RequiredText name="resolution" label={strings.resolution} missing={missing && strings.resolutionRequired} maxLength={10_000} testId="resolve-resolution" />
        <DialogFooter ticket={ticket} onClose={onClose} label={strings.resolve} testId="resolve-submit" />
      </form>
    </Dialog>
  )
}

/** A text an action cannot go without; `missing`: what to write, once the agent tried to send it empty. */
function RequiredText({ name, label, missing, maxLength, testId }: { name: string; label: string; missing: string | false; maxLength: number; testId: string }) {
  return (
    <>
      <label class="field">
        <span>{label}</span>
        <textarea name={name} maxLength={maxLength} required aria-invalid={Boolean(missing)} aria-describedby={missing ? `${name}-missing` : undefined} data-testid={testId} />
      </label>
      {missing ? (
        <p id={`${name}-missing`} class="error">
          {missing}
        </p>
      ) : null}
    </>
  )
}

/** What the server refused, then Cancel and the action. */
function DialogFooter({ ticket, onClose, label, testId }: { ticket: TicketState; onClose: () => void; label: string; testId: string }) {
  return (
    <>
      <ErrorLine error={ticket.actionError.value} />
      <div class="dialog-actions">
        <button type="button" onClick={onClose}>
          {t.value.cancel}
        </button>
        <button type="submit" class="primary" disabled={ticket.busy.value} data-testid={testId}>
          {label}
        </button>
      </div>
    </>
  )
}

import type { Incident, IncidentKind, Level } from '@triage/protocol'
import { incidentKinds, levels } from '@triage/protocol'
import { h } from 'preact'
import { incidents } from '../../api/api.ts'
import { categoryIds, categoryName, t } from '../../i18n/index.ts'
import { Section } from './sections.tsx'
import type { TicketState } from './ticket-state.ts'

/**
 * Corrections to the engine's reading: kind, category (which teaches the app's classifier),
 * impact and urgency (the priority follows from the ITIL matrix). Each change is saved at once.
 */
export function CorrectionsSection({ incident, ticket }: { incident: Incident; ticket: TicketState }) {
  const strings = t.value
  const categories = categoryIds.includes(incident.category) ? categoryIds : [incident.category, ...categoryIds]
  const patch = (change: Parameters<typeof incidents.patch>[1]) => void ticket.act(() => incidents.patch(incident.id, change))
  return (
    <Section id="corrections" title={strings.corrections}>
      <div class="corrections">
        <label class="field">
          <span>{strings.category}</span>
          <select
            value={incident.category}
            disabled={ticket.busy.value}
            onChange={(event) => patch({ category: event.currentTarget.value })}
            aria-describedby="teaches"
            data-testid="category"
          >
            {categories.map((id) => (
              <option value={id} key={id}>
                {categoryName(id)}
              </option>
            ))}
          </select>
        </label>
        <p id="teaches" class="hint">
          {strings.teachesClassifier}
        </p>
        <label class="field">
          <span>{strings.kindLabel}</span>
          <select value={incident.kind} disabled={ticket.busy.value} onChange={(event) => patch({ kind: event.currentTarget.value as IncidentKind })}>
            {incidentKinds.map((kind) => (
              <option value={kind} key={kind}>
                {strings.kind[kind]}
              </option>
            ))}
          </select>
        </label>
        <div class="two">
          {(['impact', 'urgency'] as const).map((axis) => (
            <label class="field" key={axis}>
              <span>{strings[axis]}</span>
              <select
                value={incident[axis]}
                disabled={ticket.busy.value}
                onChange={(event) => patch({ [axis]: event.currentTarget.value as Level })}
                aria-describedby="recomputed"
                data-testid={axis}
              >
                {levels.map((level) => (
                  <option value={level} key={level}>
                    {strings.level[level]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <p id="recomputed" class="hint">
          {strings.priorityRecomputed}
        </p>
      </div>
    </Section>
  )
}

import type { Incident } from '@triage/protocol'
import { h } from 'preact'
import { fill, formatDateTime, t } from '../../i18n/index.ts'
import { SlaBadge } from '../../ui/sla-badge.tsx'
import { Section } from './sections.tsx'

/** Both SLA clocks, counting down live, with their due times. */
export function SlaSection({ incident }: { incident: Incident }) {
  const strings = t.value
  const clocks = [
    [strings.slaFirstResponse, incident.sla.firstResponse],
    [strings.slaResolution, incident.sla.resolution],
  ] as const
  return (
    <Section id="sla" title={strings.slaClocks}>
      <ul class="clocks" data-testid="sla-clocks">
        {clocks.map(([label, clock]) => (
          <li key={label}>
            <SlaBadge clock={clock} startedAt={incident.createdAt} status={incident.status} label={label} />
            {clock.metAt ? (
              <span class="meta">{fill(strings.metAt, { time: formatDateTime(clock.metAt) })}</span>
            ) : clock.dueAt ? (
              <span class="meta">{fill(strings.dueAt, { time: formatDateTime(clock.dueAt) })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  )
}

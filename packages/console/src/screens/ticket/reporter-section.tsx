import type { Incident } from '@triage/protocol'
import { h } from 'preact'
import { t } from '../../i18n/index.ts'
import { Facts, Section } from './sections.tsx'

/** What the reporter wrote, in their words, and their diagnostic answers as question → answer. */
export function ReporterSection({ incident }: { incident: Incident }) {
  const strings = t.value
  const contact = [incident.contact.name, incident.contact.email].filter(Boolean).join(' · ')
  return (
    <Section id="reporter" title={strings.reporterWrote}>
      <p class="symptoms" data-testid="symptoms">
        {incident.symptoms}
      </p>
      <p class="meta">
        {strings.reporter}: {contact || strings.anonymous}
      </p>
      <h3>{strings.answers}</h3>
      {incident.answerDetails.length === 0 ? <p class="muted">{strings.noAnswers}</p> : <Facts facts={incident.answerDetails.map((detail) => [detail.question, detail.answer])} />}
    </Section>
  )
}

import type { Incident } from '@triage/protocol'
import { h } from 'preact'
import { fill, formatPercent, t } from '../../i18n/index.ts'
import { ticketPath } from '../../state/router.ts'
import { ConsoleLink } from '../../ui/shell.tsx'
import type { Composer } from './composer.tsx'
import { Section } from './sections.tsx'

/** Past incidents that look like this one, with how they were fixed; one click makes the fix the reply. */
export function SimilarSection({ incident, composer }: { incident: Incident; composer: Composer }) {
  const strings = t.value
  return (
    <Section id="similar" title={strings.similar}>
      {incident.similar.length === 0 ? (
        <p class="muted">{strings.noSimilar}</p>
      ) : (
        <ul class="similar" data-testid="similar">
          {incident.similar.map((similar) => {
            const reply = similar.publicNote ?? similar.resolution
            return (
              <li key={similar.id}>
                <div class="similar-head">
                  <ConsoleLink href={ticketPath(similar.id)}>{similar.number}</ConsoleLink>
                  <span class="meta">
                    {strings.status[similar.status]} · {fill(strings.similarScore, { score: formatPercent(similar.score) })}
                  </span>
                </div>
                {reply ? <p class="resolution">{reply}</p> : <p class="muted">{strings.noResolution}</p>}
                {reply ? (
                  <button type="button" onClick={() => composer.open('public', reply)} aria-label={`${strings.useAsReply} (${similar.number})`}>
                    {strings.useAsReply}
                  </button>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </Section>
  )
}

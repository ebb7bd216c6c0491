import type { Incident } from '@triage/protocol'
import { h } from 'preact'
import { categoryName, formatDateTime, formatMoment, t } from '../../i18n/index.ts'
import { describeEvent } from '../../lib/timeline.ts'
import { assigneeName } from '../../state/colleagues.ts'
import { Section } from './sections.tsx'

/**
 * Everything that happened, oldest first. Public entries (the reporter reads them) and internal
 * ones (agents only) differ in colour, side mark and words, so no one mistakes a note for a reply.
 */
export function TimelineSection({ incident }: { incident: Incident }) {
  const strings = t.value
  return (
    <Section id="timeline" title={strings.timeline}>
      <ol class="timeline" data-testid="timeline">
        {incident.timeline.map((event) => {
          const shown =
            event.type === 'assigned' && typeof event.data['assignee'] === 'string' ? { ...event, data: { ...event.data, assignee: assigneeName(event.data['assignee']) } } : event
          const words = describeEvent(shown, strings, { category: categoryName })
          return (
            <li key={event.id} class={`entry entry-${event.visibility} entry-${event.type}`} data-visibility={event.visibility}>
              <div class="entry-head">
                <span class="entry-title">{words.title}</span>
                <span class={`visibility visibility-${event.visibility}`} title={event.visibility === 'public' ? strings.publicEntry : strings.internalEntry}>
                  {event.visibility === 'public' ? strings.publicShort : strings.internalShort}
                  <span class="visually-hidden"> — {event.visibility === 'public' ? strings.publicMeaning : strings.internalMeaning}</span>
                </span>
                <time dateTime={event.at} title={formatDateTime(event.at)}>
                  {formatMoment(event.at)}
                </time>
              </div>
              {words.body ? <p class="entry-body">{words.body}</p> : null}
              {words.internalBody ? (
                <p class="entry-body entry-internal-part">
                  <span class="visibility visibility-internal">{strings.internalEntry}</span> {words.internalBody}
                </p>
              ) : null}
            </li>
          )
        })}
      </ol>
    </Section>
  )
}

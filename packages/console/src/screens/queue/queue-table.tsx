import type { IncidentSummary } from '@triage/protocol'
import { h } from 'preact'
import { useEffect } from 'preact/hooks'
import { categoryName, fill, formatDateTime, formatShortDate, t } from '../../i18n/index.ts'
import { clockThatMatters } from '../../lib/sla.ts'
import { assigneeName } from '../../state/colleagues.ts'
import { checked, currentId, items, toggleChecked } from '../../state/queue.ts'
import { ticketPath } from '../../state/router.ts'
import { ConsoleLink } from '../../ui/shell.tsx'
import { SlaBadge } from '../../ui/sla-badge.tsx'

/** The performance mark set when the queue first shows rows (bench/console-startup.ts reads it). */
export const queueRenderedMark = 'triage:queue-rendered'

/** A row's words: a major incident's public title, else the first words of what the reporter wrote, on one line. */
const summaryOf = (incident: IncidentSummary) => ((incident.isMajor && incident.publicTitle) || incident.symptoms).replace(/\s+/g, ' ').slice(0, 140)

/** The queue as a table: one row per ticket, the pointer (j/k) on one of them, boxes for bulk actions. */
export function QueueTable() {
  const strings = t.value
  const list = items.value
  // For bench/console-startup.ts: when the first rows are on screen.
  useEffect(() => {
    if (list.length > 0 && performance.getEntriesByName(queueRenderedMark).length === 0) performance.mark(queueRenderedMark)
  }, [list])
  const ticked = checked.value
  const allTicked = list.length > 0 && list.every((item) => ticked.has(item.id))
  return (
    <table class="queue" data-testid="queue">
      <caption class="visually-hidden">{strings.tickets}</caption>
      <thead>
        <tr>
          <th scope="col" class="col-check">
            <label class="check">
              <input
                type="checkbox"
                aria-label={strings.selectAll}
                checked={allTicked}
                onChange={() => (checked.value = allTicked ? new Set() : new Set(list.map((item) => item.id)))}
              />
            </label>
          </th>
          <th scope="col">{strings.column.ticket}</th>
          <th scope="col">{strings.column.summary}</th>
          <th scope="col">{strings.column.priority}</th>
          <th scope="col" class="col-status">
            {strings.column.status}
          </th>
          <th scope="col" class="col-assignee">
            {strings.column.assignee}
          </th>
          <th scope="col">{strings.column.sla}</th>
          <th scope="col" class="col-created">
            {strings.column.created}
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((incident) => {
          const clock = clockThatMatters(incident.sla)
          const isCurrent = incident.id === currentId.value
          return (
            <tr key={incident.id} class={isCurrent ? 'current' : undefined} data-id={incident.id} data-number={incident.number}>
              <td class="col-check">
                <label class="check">
                  <input
                    type="checkbox"
                    aria-label={fill(strings.select, { number: incident.number })}
                    checked={ticked.has(incident.id)}
                    onChange={() => toggleChecked(incident.id)}
                  />
                </label>
              </td>
              <td class="number">
                {incident.number}
                <span class="tier">{incident.tier}</span>
                {incident.isMajor ? <span class="badge major">{strings.majorIncident}</span> : null}
              </td>
              <td class="summary">
                <ConsoleLink href={ticketPath(incident.id)} class="row-link">
                  {summaryOf(incident)}
                </ConsoleLink>
                <span class="meta">{incident.categoryLabel || categoryName(incident.category)}</span>
              </td>
              <td>
                <span class={`badge priority-${incident.priority}`}>{strings.priority[incident.priority]}</span>
              </td>
              <td class="col-status">{strings.status[incident.status]}</td>
              <td class="col-assignee">{incident.assignee ? assigneeName(incident.assignee) : <span class="muted">{strings.unassignedLabel}</span>}</td>
              <td>
                <SlaBadge
                  clock={incident.sla[clock]}
                  startedAt={incident.createdAt}
                  status={incident.status}
                  label={clock === 'firstResponse' ? strings.slaFirstResponse : strings.slaResolution}
                />
              </td>
              <td class="col-created">
                <time dateTime={incident.createdAt} title={formatDateTime(incident.createdAt)}>
                  {formatShortDate(incident.createdAt)}
                </time>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

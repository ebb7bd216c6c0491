import type { IncidentEvent, IncidentStatus, Priority } from '@triage/protocol'
import type { Strings } from '../i18n/en.ts'

/** One timeline entry in words: what happened, and the text written, if any (a message, a reason, a note). */
export interface EventWords {
  title: string
  /** Text a person wrote (rendered as text, never as markup). */
  body: string | null
  /** A second text, internal, beside a public one (a resolution's internal note). */
  internalBody: string | null
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null)

/**
 * A timeline event in the agent's language: "Ada escalated to L2", with the reason as its body.
 * @param names the words for ids: categories, statuses, SLA clocks
 */
export function describeEvent(event: IncidentEvent, strings: Strings, names: { category: (id: string) => string }): EventWords {
  const data = event.data
  const actor = Object.hasOwn(strings.actor, event.actor) ? strings.actor[event.actor as keyof Strings['actor']] : event.actor
  const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot)
  const clock = data['clock'] === 'firstResponse' ? strings.slaFirstResponse : strings.slaResolution
  const status = typeof data['status'] === 'string' ? (strings.status[data['status'] as IncidentStatus] ?? data['status']) : ''
  const words = { actor, clock: clock.toLowerCase(), status: status.toLowerCase() }
  switch (event.type) {
    case 'assigned':
      return data['assignee'] ? plain(fill(strings.event.assigned, { ...words, assignee: String(data['assignee']) })) : plain(fill(strings.event.unassigned, words))
    case 'categorized':
      if (typeof data['category'] === 'string') return plain(fill(strings.event.categorized, { ...words, category: names.category(data['category']) }))
      return plain(fill(strings.event.categorized, { ...words, category: typeof data['kind'] === 'string' ? (strings.kind[data['kind'] as 'incident'] ?? data['kind']) : '' }))
    case 'prioritized':
      return plain(fill(strings.event.prioritized, { ...words, priority: strings.priority[data['priority'] as Priority] ?? String(data['priority'] ?? '') }))
    case 'escalated':
      return { title: fill(strings.event.escalated, { ...words, tier: String(data['tier'] ?? '') }), body: text(data['reason']), internalBody: null }
    case 'message':
      return { title: fill(strings.event.message, words), body: text(data['body']), internalBody: null }
    case 'resolved':
      return { title: fill(strings.event.resolved, words), body: text(data['body']), internalBody: text(data['resolution']) }
    case 'closed':
    case 'reopened':
      return { title: fill(strings.event[event.type], words), body: text(data['reason']), internalBody: null }
    case 'announced':
      return { title: fill(strings.event.announced, words), body: text(data['publicTitle']), internalBody: null }
    case 'grouped':
      return { title: fill(strings.event.grouped, words), body: text(data['reason']), internalBody: null }
    case 'ungrouped':
      return {
        title: typeof data['report'] === 'string' ? fill(strings.event.ungroupedReport, { ...words, report: data['report'] }) : fill(strings.event.ungrouped, words),
        body: text(data['reason']),
        internalBody: null,
      }
    case 'merged':
      return {
        title: typeof data['from'] === 'string' ? fill(strings.event.mergedFrom, { ...words, count: String(data['reports'] ?? 0) }) : fill(strings.event.merged, words),
        body: text(data['reason']),
        internalBody: null,
      }
    case 'attached': {
      const attachment = data['attachment']
      return {
        title: fill(strings.event.attached, words),
        body: typeof attachment === 'object' && attachment !== null ? text((attachment as { name?: unknown }).name) : null,
        internalBody: null,
      }
    }
    default:
      return plain(fill(strings.event[event.type] ?? event.type, words))
  }
}

const plain = (title: string): EventWords => ({ title, body: null, internalBody: null })

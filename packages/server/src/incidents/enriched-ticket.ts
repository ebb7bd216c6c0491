import type { Locale } from '@triage/engine'
import type { Incident, IncidentStatus, SimilarIncident, Tier } from '@triage/protocol'
import type { IncidentRow } from '../storage/incidents.ts'
import { toAttachment } from '../attachments/views.ts'
import { listAttachments } from '../storage/attachments.ts'
import { listEvents } from '../storage/incidents.ts'
import { countChildren } from '../storage/notices.ts'
import type { ServiceContext } from '../domain/context.ts'
import { isVisibleTo } from '../domain/visibility.ts'
import { similarIndexFor } from '../similar/app-index.ts'
import { toIncident } from './views.ts'

/**
 * Past incidents of the app that look like this one, best first, with how they were fixed: only
 * those a reader up to `maxTier` may open (their resolutions are internal notes of that tier).
 */
export async function similarTo(context: ServiceContext, incident: IncidentRow, maxTier: Tier, limit = 5): Promise<SimilarIncident[]> {
  const { index, details } = await similarIndexFor(context, incident.appId)
  const accept = (id: string) => {
    const detail = details.get(id)
    return detail !== undefined && isVisibleTo(detail, maxTier)
  }
  return index.search(incident.symptoms, { limit, excludeId: incident.id, accept }).map((match) => {
    const detail = details.get(match.id)
    return {
      id: match.id,
      number: match.number,
      score: Math.round(match.score * 1000) / 1000,
      status: (detail?.status ?? 'new') as IncidentStatus,
      resolution: detail?.resolution ?? null,
      publicNote: detail?.publicNote ?? null,
    }
  })
}

/**
 * The enriched ticket an agent up to `maxTier` reads, in their language: the incident, its whole
 * timeline, the similar past incidents they may see, the answers in words, its attachments, and
 * for a major incident how many reports it groups.
 */
export async function incidentView(context: ServiceContext, row: IncidentRow, maxTier: Tier, locale: Locale = 'en'): Promise<Incident> {
  const [events, similar, affected, attachments] = await Promise.all([
    listEvents(context.db, row.id),
    similarTo(context, row, maxTier),
    row.isMajor ? countChildren(context.db, row.id) : null,
    listAttachments(context.db, row.id),
  ])
  return toIncident(row, events, similar, context.now(), locale, affected, attachments.map(toAttachment))
}

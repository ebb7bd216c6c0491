import type { Incident, IncidentStatus, SimilarIncident } from '@triage/protocol'
import type { IncidentRow } from '../storage/incidents.ts'
import { listEvents } from '../storage/incidents.ts'
import type { ServiceContext } from './context.ts'
import { similarIndexFor } from './similar-incidents.ts'
import { toIncident } from './views.ts'

/** Past incidents of the app that look like this one, best first, with how they were fixed. */
export async function similarTo(context: ServiceContext, incident: IncidentRow, limit = 5): Promise<SimilarIncident[]> {
  const { index, details } = await similarIndexFor(context, incident.appId)
  return index.search(incident.symptoms, { limit, excludeId: incident.id }).map((match) => {
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

/** The enriched ticket an agent reads: the incident, its whole timeline and similar past incidents. */
export async function incidentView(context: ServiceContext, row: IncidentRow): Promise<Incident> {
  const [events, similar] = await Promise.all([listEvents(context.db, row.id), similarTo(context, row)])
  return toIncident(row, events, similar, context.now())
}

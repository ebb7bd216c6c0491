import type { DeflectionCreate, DeflectionCreated } from '@triage/protocol'
import { newId } from '../ids.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { incidentByNumber, insertDeflection } from '../storage/deflections.ts'

/**
 * A suggested public note solved a visitor's problem and no report was filed: counted for the
 * app's deflection rate, under the suggested incident's tier and category. Only a resolved
 * incident of the same app with a public note can be named — what the widget could have shown —
 * so one app cannot count against another's, and nothing the visitor wrote is kept.
 */
export async function recordDeflection(context: ServiceContext, appId: string, request: DeflectionCreate): Promise<DeflectionCreated> {
  const incident = await incidentByNumber(context.db, appId, Number(request.number.slice('INC-'.length)))
  if (!incident || (incident.status !== 'resolved' && incident.status !== 'closed') || !incident.publicNote) {
    throw new DomainError(
      'not_found',
      `No resolved incident ${request.number} with a public note in this app: send the number of the suggestion that solved it (GET /v1/diagnostics).`,
    )
  }
  const id = newId('dfl', context.now())
  await insertDeflection(context.db, { id, appId, incidentId: incident.id, tier: incident.tier, category: incident.category, createdAt: context.now() })
  return { id }
}

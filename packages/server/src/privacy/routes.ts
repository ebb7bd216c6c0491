import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { ReporterSubject } from '@triage/protocol'
import { incidentSchema } from '@triage/protocol/schemas'
import {
  auditListSchema,
  auditQuerySchema,
  breachCheckRequestSchema,
  erasureRequestSchema,
  erasureResultSchema,
  reporterExportQuerySchema,
  reporterExportSchema,
} from '@triage/protocol/privacy-schemas'
import { requireAdmin, requireAgent } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, requireJsonBody } from '../http/json-body.ts'
import { validationHook } from '../http/validation.ts'
import { agentSecurity, badId, bodyProblems, idParams, jsonBody, jsonResponse, problemResponse } from '../http/openapi.ts'
import { actorOfAgent, listAudit } from './audit.ts'
import { checkBreachItem } from './breach.ts'
import { eraseReporter } from './erasure.ts'
import { exportReporter } from './export.ts'

const security = agentSecurity
const adminErrors = {
  401: problemResponse('No session or secret key, or an unknown or revoked one.'),
  403: problemResponse('The key is not an admin key.'),
}

const exportRoute = createRoute({
  method: 'get',
  path: '/v1/admin/reporters/export',
  operationId: 'exportReporterData',
  tags: ['Privacy'],
  summary: "Export one person's data (right of access)",
  description:
    'Give exactly one of `email` and `userId`. ' +
    "Everything the app holds about one person, found by the e-mail address they left (compared without case) or their verified user id: each incident's " +
    'symptoms, answers, contact and context, its public timeline (their messages, the agents’ public replies) and its files’ metadata with a link to download them. ' +
    'Oldest first, 100 incidents a page: pass `nextCursor` back as `cursor`. Each export is on the audit trail. See docs/privacy.md.',
  security,
  middleware: [requireAgent, requireAdmin] as const,
  request: { query: reporterExportQuerySchema },
  responses: {
    200: jsonResponse('The person’s data, a page of incidents.', reporterExportSchema),
    400: problemResponse('Neither or both of email and userId, or a bad cursor.'),
    ...adminErrors,
  },
})

const eraseRoute = createRoute({
  method: 'post',
  path: '/v1/admin/reporters/erase',
  operationId: 'eraseReporterData',
  tags: ['Privacy'],
  summary: "Erase one person's data (right to erasure)",
  description:
    'Erases what the person wrote and left on every incident of theirs (by e-mail, without case, or verified user id): symptoms, answers in their own words, contact, ' +
    'context, their messages and the replies to them, and their files. Each becomes `[erased]`. Kept, so metrics stay true: number, category, priority, tier, ' +
    'times, SLA figures, resolution notes and agents’ internal notes. Erased reports leave the search, similar incidents, deflection and grouping; webhooks get `incident.erased`. ' +
    'Idempotent, and recorded before it starts: if it is cut short, the background sweep finishes it, and sending it again does what is left. See docs/privacy.md.',
  security,
  middleware: [requireAgent, requireAdmin, limitBody, requireJsonBody] as const,
  request: { body: jsonBody(erasureRequestSchema) },
  responses: {
    200: jsonResponse('How many incidents of this person this request erased.', erasureResultSchema),
    ...bodyProblems,
    422: problemResponse('Neither or both of email and userId, or one that is not valid.'),
    ...adminErrors,
  },
})

const auditRoute = createRoute({
  method: 'get',
  path: '/v1/admin/audit',
  operationId: 'listAuditEntries',
  tags: ['Privacy'],
  summary: 'The audit trail',
  description:
    'Who exported or erased whose data, who changed the app’s settings, keys or webhooks, who read an incident’s personal data (the enriched ticket, an attachment) ' +
    'and who ticked a breach’s checklist, with when. Newest first; filter by time, actor name or incident; pass `nextCursor` back as `cursor`. Entries cannot be changed.',
  security,
  middleware: [requireAgent, requireAdmin] as const,
  request: { query: auditQuerySchema },
  responses: {
    200: jsonResponse('A page of entries.', auditListSchema),
    400: problemResponse('A bad filter, limit or cursor.'),
    ...adminErrors,
  },
})

const breachRoute = createRoute({
  method: 'post',
  path: '/v1/incidents/{id}/breach',
  operationId: 'checkBreachItem',
  tags: ['Incidents'],
  summary: "Tick an item of a suspected breach's checklist",
  description:
    '`contained`, `scope_assessed`, `authority_notified` (within 72 hours of the report: GDPR art. 33), `people_notified` (art. 34); `done: false` unticks. ' +
    'The ticket’s `breach` section shows each item with who ticked it and when; the timeline (`breach_checked`, internal) and the audit trail record it.',
  security,
  middleware: [requireAgent, limitBody, requireJsonBody] as const,
  request: { params: idParams, body: jsonBody(breachCheckRequestSchema) },
  responses: {
    200: jsonResponse('The incident with its breach record.', incidentSchema),
    ...bodyProblems,
    ...badId,
    401: problemResponse('No session or secret key, or an unknown or revoked one.'),
    404: problemResponse('No such incident that this key may see (other apps, and tiers above an l1/l2 key, are invisible).'),
    409: problemResponse('The incident is not a suspected breach.'),
  },
})

/** The one subject of a request that names exactly one (the schemas make sure). */
function subjectOf(value: { email?: string | undefined; userId?: string | undefined }): ReporterSubject {
  return value.email !== undefined ? { email: value.email } : { userId: value.userId ?? '' }
}

/** A person's rights over their data, the audit trail (admin keys), and the breach checklist (agents). */
export function privacyRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const caller = (agent: AppEnv['Variables']['agent']) => ({ appId: agent.appId, actor: actorOfAgent(agent) })
  routes.openapi(exportRoute, async (c) => {
    const query = c.req.valid('query')
    return c.json(await exportReporter(c.var.services, caller(c.var.agent), subjectOf(query), query.cursor), 200)
  })
  routes.openapi(eraseRoute, async (c) => c.json(await eraseReporter(c.var.services, caller(c.var.agent), subjectOf(c.req.valid('json'))), 200))
  routes.openapi(auditRoute, async (c) => c.json(await listAudit(c.var.services, c.var.agent, c.req.valid('query')), 200))
  routes.openapi(breachRoute, async (c) => c.json(await checkBreachItem(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json')), 200))
  return routes
}

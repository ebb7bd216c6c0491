import type {
  AgentSession,
  BulkAction,
  BulkResult,
  ChildIncidentList,
  ColleagueList,
  EscalateRequest,
  Incident,
  IncidentCounts,
  IncidentList,
  IncidentListQuery,
  IncidentPatch,
  IncidentPresence,
  InvitationInfo,
  MetricsSeries,
  ResolveRequest,
} from '@triage/protocol'
import { query, request } from './transport.ts'

/** The agent API routes the console calls, typed (docs/console-api.md). */

export const auth = {
  session: () => request<AgentSession>('GET', '/v1/auth/session', undefined, { quietUnauthorized: true }),
  signIn: (email: string, password: string, appId?: string) =>
    request<AgentSession>('POST', '/v1/auth/sign-in', { email, password, ...(appId ? { appId } : {}) }, { quietUnauthorized: true }),
  signOut: () => request<void>('POST', '/v1/auth/sign-out', undefined, { quietUnauthorized: true }),
  invitation: (token: string) => request<InvitationInfo>('GET', `/v1/auth/invitations/${encodeURIComponent(token)}`, undefined, { quietUnauthorized: true }),
  acceptInvitation: (token: string, password: string, name?: string) =>
    request<AgentSession>('POST', `/v1/auth/invitations/${encodeURIComponent(token)}`, { password, ...(name ? { name } : {}) }, { quietUnauthorized: true }),
}

const incidentPath = (id: string, action = '') => `/v1/incidents/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

/** Where the agent API serves one of a ticket's files: a link or an image source (the session cookie goes with it, same origin). */
export const attachmentPath = (incidentId: string, attachmentId: string) => incidentPath(incidentId, `attachments/${encodeURIComponent(attachmentId)}`)

export const incidents = {
  list: (filters: IncidentListQuery, signal?: AbortSignal) => request<IncidentList>('GET', `/v1/incidents${query({ ...filters })}`, undefined, { signal }),
  counts: (signal?: AbortSignal) => request<IncidentCounts>('GET', '/v1/incidents/counts', undefined, { signal }),
  get: (id: string, signal?: AbortSignal) => request<Incident>('GET', incidentPath(id), undefined, { signal }),
  children: (id: string, signal?: AbortSignal) => request<ChildIncidentList>('GET', `${incidentPath(id, 'children')}?limit=200`, undefined, { signal }),
  patch: (id: string, patch: IncidentPatch) => request<Incident>('PATCH', incidentPath(id), patch),
  message: (id: string, body: string, visibility: 'public' | 'internal', options: { awaitReporter?: boolean; toAffected?: boolean } = {}) =>
    request<Incident>('POST', incidentPath(id, 'messages'), {
      body,
      visibility,
      ...(options.awaitReporter ? { awaitReporter: true } : {}),
      ...(options.toAffected ? { toAffected: true } : {}),
    }),
  escalate: (id: string, body: EscalateRequest) => request<Incident>('POST', incidentPath(id, 'escalate'), body),
  resolve: (id: string, body: ResolveRequest) => request<Incident>('POST', incidentPath(id, 'resolve'), body),
  close: (id: string) => request<Incident>('POST', incidentPath(id, 'close'), {}),
  reopen: (id: string) => request<Incident>('POST', incidentPath(id, 'reopen'), {}),
  bulk: (action: BulkAction) => request<BulkResult>('POST', '/v1/incidents/bulk', action),
  presence: (id: string, typing: boolean) => request<IncidentPresence>('POST', incidentPath(id, 'presence'), { typing }),
  /** `keepalive`: sent from a page that is closing. */
  leave: (id: string, keepalive = false) => request<void>('DELETE', incidentPath(id, 'presence'), undefined, { keepalive, quietUnauthorized: true }),
}

export const agents = {
  colleagues: () => request<ColleagueList>('GET', '/v1/agents'),
}

export const metrics = {
  series: (from: string, to: string) => request<MetricsSeries>('GET', `/v1/metrics/series${query({ from, to })}`),
}

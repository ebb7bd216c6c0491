import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { incidentPresenceSchema, presenceUpdateSchema } from '@triage/protocol/schemas'
import { streamSSE } from 'hono/streaming'
import { requireAgent } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitBody, requireJsonBody } from '../http/json-body.ts'
import { validationHook } from '../http/validation.ts'
import { callerId } from '../domain/callers.ts'
import { problem } from '../http/problem.ts'
import { streamCaps } from '../http/stream-caps.ts'
import { addressBucket } from '../security/network-address.ts'
import { agentSecurity, badId, bodyProblems, idParams, jsonBody, jsonResponse, problemResponse, rateLimited } from '../http/openapi.ts'
import { incidentFeed } from './incident-feed.ts'
import { heartbeat, leave } from './presence.ts'

const auth = problemResponse('No session or secret key, or an unknown one.')
const notFound = problemResponse('No such incident that the caller may see.')

const eventsRoute = createRoute({
  method: 'get',
  path: '/v1/incidents/events',
  operationId: 'followIncidents',
  tags: ['Queue'],
  summary: 'Incident changes and presence, live (Server-Sent Events)',
  description:
    '`event: incident` with an IncidentSummary when a ticket the caller may see is created or changed (`id:` is a cursor); ' +
    '`event: incident_removed` with `{ id, reason: "escalated" }` when one leaves the caller\'s tiers; `event: presence` with an IncidentPresence ' +
    'when who has a visible ticket open (or types) changes; `event: end` after about 5 minutes — reconnect with Last-Event-ID (EventSource does) to miss nothing ' +
    "of the last 10 minutes. Only the caller's app and tiers ever appear.",
  security: agentSecurity,
  middleware: [requireAgent] as const,
  responses: {
    200: { description: 'The event stream.', content: { 'text/event-stream': { schema: z.string() } } },
    401: auth,
    429: { ...rateLimited[429], description: 'Too many live streams for this agent (10) or from this address (50) (`too_many_streams`); see Retry-After.' },
  },
})

const presenceRoute = createRoute({
  method: 'post',
  path: '/v1/incidents/{id}/presence',
  operationId: 'updatePresence',
  tags: ['Presence'],
  summary: 'I have this ticket open (a heartbeat), and whether I am typing',
  description:
    'Send it when the ticket opens, every 10 s while it stays open, and when typing starts or stops. A viewer is forgotten 30 s after their last heartbeat. Others see it on GET /v1/incidents/events.',
  security: agentSecurity,
  middleware: [requireAgent, limitBody, requireJsonBody] as const,
  request: { params: idParams, body: jsonBody(presenceUpdateSchema) },
  responses: {
    200: jsonResponse('Who has the ticket open now, the caller included.', incidentPresenceSchema),
    ...bodyProblems,
    401: auth,
    403: problemResponse('A cookie-signed request from another site.'),
    404: notFound,
  },
})

const leaveRoute = createRoute({
  method: 'delete',
  path: '/v1/incidents/{id}/presence',
  operationId: 'leavePresence',
  tags: ['Presence'],
  summary: 'I closed this ticket',
  security: agentSecurity,
  middleware: [requireAgent] as const,
  request: { params: idParams },
  responses: { 204: { description: 'Gone from its viewers.' }, ...badId, 401: auth, 403: problemResponse('A cookie-signed request from another site.'), 404: notFound },
})

/** Open streams one caller (an agent, or a key) may hold: a few tabs. Per process on Node, per isolate on Workers. */
export const streamsPerAgent = 10
/** Seconds a refused stream is told to wait: a slot frees as soon as one of the caller's streams closes. */
const streamRetryAfter = 5

export interface LiveRouteOptions {
  /** How often storage is read for a stream, in ms. Default 1000. */
  followPollMs?: number
  /** How long one stream lasts before the client reconnects, in ms. Default 5 minutes. */
  followMaxMs?: number
}

/** The console's live parts: the event stream of the queue, and presence on tickets. */
export function liveRoutes(options: LiveRouteOptions = {}) {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const caps = streamCaps({ perReport: streamsPerAgent })
  routes.openapi(eventsRoute, async (c) => {
    const release = caps.open(`${c.var.agent.appId}:${callerId(c.var.agent)}`, addressBucket(c.var.clientAddress))
    if (!release) {
      const refused = problem('too_many_streams', 429, `Too many live streams for you or from this address; close a tab, or retry in ${streamRetryAfter} s.`, {
        retryAfter: streamRetryAfter,
      })
      refused.headers.set('retry-after', String(streamRetryAfter))
      return refused as never
    }
    const feed = incidentFeed(c.var.services, c.var.agent, {
      lastEventId: c.req.header('last-event-id'),
      pollMs: options.followPollMs ?? 1_000,
      maxMs: options.followMaxMs ?? 300_000,
      signal: c.req.raw.signal,
    })
    c.header('cache-control', 'no-store')
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => {
        release()
        void feed.return(undefined)
      })
      const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n'), 15_000)
      try {
        // A first line, so the client knows at once that the stream is open.
        await stream.write(': open\n\n')
        for await (const event of feed) {
          await stream.writeSSE({ event: event.event, data: JSON.stringify(event.data), ...(event.id === undefined ? {} : { id: event.id }) })
        }
        await stream.writeSSE({ event: 'end', data: '{}', retry: 1_000 })
      } finally {
        clearInterval(keepAlive)
        release()
      }
    }) as never
  })
  routes.openapi(presenceRoute, async (c) => c.json(await heartbeat(c.var.services, c.var.agent, c.req.valid('param').id, c.req.valid('json').typing), 200))
  routes.openapi(leaveRoute, async (c) => {
    await leave(c.var.services, c.var.agent, c.req.valid('param').id)
    return c.body(null, 204)
  })
  return routes
}

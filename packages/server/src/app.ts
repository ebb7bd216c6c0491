import { OpenAPIHono } from '@hono/zod-openapi'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { allowedMethods } from './http/allowed-methods.ts'
import { callerIdentity } from './http/caller-identity.ts'
import { drainRefusedBody } from './http/body-limit.ts'
import type { AppEnv } from './http/env.ts'
import { domainProblem, HttpProblem, problem } from './http/problem.ts'
import type { RateLimitOptions } from './http/rate-limit.ts'
import { rateLimit } from './http/rate-limit.ts'
import type { RateLimitStore } from './http/rate-limit-store.ts'
import { memoryRateLimitStore } from './http/rate-limit-store.ts'
import { validationHook } from './http/validation.ts'
import { agentRoutes, authRoutes } from './agents/routes.ts'
import { liveRoutes } from './live/routes.ts'
import { deflectionRoutes } from './deflections/routes.ts'
import { attachmentRoutes } from './attachments/routes.ts'
import { adminRoutes } from './admin/routes.ts'
import { diagnosticsRoutes } from './diagnostics/routes.ts'
import { groupingRoutes } from './grouping/routes.ts'
import { incidentRoutes, queueRoutes } from './incidents/routes.ts'
import { metricsRoutes, metricsSeriesRoutes } from './metrics/routes.ts'
import { noticeRoutes } from './notices/routes.ts'
import { privacyRoutes } from './privacy/routes.ts'
import type { ReportRouteOptions } from './reports/routes.ts'
import { reportRoutes } from './reports/routes.ts'
import type { ServiceContext } from './domain/context.ts'
import { DomainError } from './domain/errors.ts'

/**
 * The Triage API as one Hono app, the same on Node and Workers: the entries only differ in how
 * they open storage and what they serve beside it.
 */
export interface AppOptions {
  /** Public requests per minute for one caller (app, report, or anonymous) from one address; 0 turns limiting off. Default 120. */
  rateLimitPerMinute?: number
  /** Where rate limits count; default: this process's memory, at `rateLimitPerMinute`. */
  rateLimitStore?: RateLimitStore
  /** How this runtime tells the caller's address. Default: `cf-connecting-ip`, else "unknown". */
  clientAddress?: RateLimitOptions['clientAddress']
  /** Live-follow tuning (see ReportRouteOptions). */
  follow?: ReportRouteOptions
}

export function createApp(services: ServiceContext, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  // First, around everything: a refusal must reach the client even when its body was not read.
  app.use('*', drainRefusedBody)
  const clientAddress = options.clientAddress ?? ((c) => c.req.header('cf-connecting-ip') ?? 'unknown')
  app.use('*', async (c, next) => {
    c.set('services', services)
    c.set('clientAddress', clientAddress(c))
    await next()
    // No answer is ever sniffed into another type: a JSON body is never run as a script (#12.9).
    c.res.headers.set('x-content-type-options', 'nosniff')
  })

  // The public API is called from customers' pages. Any origin passes the preflight; the
  // publishable key's allowlist decides on the real request (see requirePublishableKey).
  const publicCors = cors({
    origin: (origin) => origin,
    allowHeaders: ['content-type', 'authorization', 'x-triage-key', 'idempotency-key', 'if-none-match', 'last-event-id', 'x-triage-user', 'x-triage-user-hash'],
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    exposeHeaders: ['idempotent-replayed', 'retry-after', 'etag'],
    maxAge: 86_400,
  })
  // `/v1/reports/*` also matches `/v1/reports` itself. Each path counts apart: the widget asks
  // for diagnostics as the reporter types, which must not eat into the budget for reports.
  const limit = options.rateLimitPerMinute ?? 120
  const store = options.rateLimitStore ?? (limit > 0 ? memoryRateLimitStore({ limit, windowMs: 60_000 }) : undefined)
  for (const path of ['/v1/reports/*', '/v1/diagnostics', '/v1/notices', '/v1/deflections']) {
    app.use(path, publicCors)
    if (!store) continue
    app.use(
      path,
      rateLimit({
        store,
        name: path,
        clientAddress: (c) => c.var.clientAddress,
        identify: callerIdentity,
      }),
    )
  }

  app.route('/', reportRoutes(options.follow))
  app.route('/', attachmentRoutes())
  app.route('/', diagnosticsRoutes())
  app.route('/', noticeRoutes())
  app.route('/', deflectionRoutes())
  // Before incidentRoutes: `/v1/incidents/counts` and `/events` are not incidents of those ids.
  app.route('/', queueRoutes())
  app.route('/', liveRoutes(options.follow))
  app.route('/', incidentRoutes())
  app.route('/', groupingRoutes())
  app.route('/', adminRoutes())
  app.route('/', metricsRoutes())
  app.route('/', metricsSeriesRoutes())
  app.route('/', authRoutes())
  app.route('/', agentRoutes())
  app.route('/', privacyRoutes())

  app.get('/healthz', (c) => c.json({ ok: true }))

  app.openAPIRegistry.registerComponent('securitySchemes', 'publishableKey', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Triage-Key',
    description: "The app's publishable key (pk_…): public, safe in a web page.",
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'reporterToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The reporter token (rt_…) returned when the report was created.',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description: "An agent's or integration's secret key (sk_…). Never put it in a web page.",
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'agentSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'triage_session',
    description: "A signed-in agent's session (POST /v1/auth/sign-in), for the console. State-changing requests must come from this server's pages (Origin checked).",
  })
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Triage API',
      version: '0.1.0',
      description:
        'Incident intake and triage. Errors are RFC 9457 problem details (application/problem+json). ' +
        'A method a path does not take answers 405 with `Allow`. Limits a deployer can rely on: see the README, Security.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    // Relative: the API is wherever this document was served from.
    servers: [{ url: '/', description: 'This server' }],
  })

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname
    const allowed = allowedMethods(app.routes, path)
    if (allowed.length > 0) {
      const refused = problem('method_not_allowed', 405, `${path} does not take ${c.req.method}; it takes ${allowed.join(', ')}. See /openapi.json for the API.`)
      refused.headers.set('allow', allowed.join(', '))
      return refused
    }
    return problem('not_found', 404, `No route ${c.req.method} ${path}. See /openapi.json for the API.`)
  })

  app.onError((error, c) => {
    if (error instanceof DomainError) return domainProblem(error)
    if (error instanceof HttpProblem) return problem(error.code, error.status, error.detail, error.extra)
    if (error instanceof HTTPException && error.status < 500) {
      const code = ({ 400: 'malformed_json', 413: 'payload_too_large', 415: 'unsupported_media_type' } as const)[error.status as 400 | 413 | 415]
      return problem(code ?? 'validation_failed', error.status, error.message)
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, error)
    return problem('internal_error', 500, 'Something went wrong on our side; it was logged. Try again in a moment.')
  })

  return app
}

export type TriageApp = ReturnType<typeof createApp>

/**
 * Cloudflare Workers entry: the same Hono app as on Node. Storage is Turso (libSQL over HTTP)
 * when DATABASE_URL is set, else the D1 binding `DB` (the local stand-in under `wrangler dev`).
 * Migrations are applied ahead of deploys: `wrangler d1 migrations apply` for D1, drizzle-kit for Turso.
 *
 * What differs from Node, because an isolate serves many requests at once and I/O belongs to the
 * request that started it (a request awaiting another request's I/O hangs once that one ends):
 * each report is written in its own transaction (no group commit), a request never waits on
 * another's index refresh (`requestBoundIo`), the isolate keeps values between requests but no
 * promise, and rate limits count through Cloudflare's binding rather than in memory.
 */
import { createClient } from '@libsql/client/web'
import { drizzle as drizzleD1 } from 'drizzle-orm/d1'
import type { AnyD1Database } from 'drizzle-orm/d1'
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web'
import { createApp } from './app.ts'
import type { TriageApp } from './app.ts'
import { reporterSecret } from './bootstrap.ts'
import { readAttachmentQuota, readSimilarIndexLimit } from './config.ts'
import { schema } from './db/schema.ts'
import { secretBox } from './security/sealing.ts'
import type { RateLimitBinding, RateLimitStore } from './http/rate-limit-store.ts'
import { bindingRateLimitStore } from './http/rate-limit-store.ts'
import type { ServiceContext } from './domain/context.ts'
import { sweepSla } from './jobs/sla-sweep.ts'
import { dispatchWebhooks } from './jobs/webhook-dispatch.ts'
import type { Database } from './db/database.ts'
import type { R2BucketBinding } from './storage/blobs-r2.ts'
import { r2Blobs } from './storage/blobs-r2.ts'
import { leasedBlobs } from './storage/blob-leases.ts'

export interface WorkerEnv {
  DB?: AnyD1Database
  DATABASE_URL?: string
  DATABASE_AUTH_TOKEN?: string
  TRIAGE_SECRET?: string
  TRIAGE_SIMILAR_INDEX_LIMIT?: string
  /** `[[ratelimits]]` in wrangler.toml: counts shared by every isolate. */
  RATE_LIMITER?: RateLimitBinding
  /** `[[r2_buckets]]` in wrangler.toml: attachment bytes. Without it, uploads answer 503. */
  ATTACHMENTS?: R2BucketBinding
  TRIAGE_ATTACHMENT_QUOTA_MB?: string
}

/**
 * Storage behind the same interface on D1 and Turso. The handle lives as long as the isolate and
 * is used by all its requests, so it must hold no I/O of its own between calls: D1's binding does
 * not, and neither does the libSQL HTTP client without its concurrency queue — which would start
 * one request's query from another request's completion, the hang described above.
 */
function openDatabase(env: WorkerEnv): Database {
  if (env.DATABASE_URL) {
    const client = createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN, concurrency: Number.POSITIVE_INFINITY })
    return drizzleLibsql(client, { schema })
  }
  if (env.DB) {
    // D1 offers the same select/insert/batch surface storage uses; see storage/database.ts.
    return drizzleD1(env.DB, { schema }) as unknown as Database
  }
  throw new Error('No storage: set DATABASE_URL (Turso) or bind a D1 database as DB in wrangler.toml.')
}

/** The period of the RATE_LIMITER binding in wrangler.toml (`simple = { limit, period }`). */
const rateLimitPeriodSeconds = 60

function rateLimitStoreFor(env: WorkerEnv): RateLimitStore | undefined {
  if (env.RATE_LIMITER) return bindingRateLimitStore(env.RATE_LIMITER, { periodSeconds: rateLimitPeriodSeconds })
  console.warn('No RATE_LIMITER binding (see wrangler.toml): public requests are limited per isolate only, which is no limit across Cloudflare.')
  return undefined
}

/** An isolate has 128 MB: fewer apps' indexes and classifiers than a Node process keeps. */
const isolateCachedApps = 4

interface Runtime {
  app: TriageApp
  services: ServiceContext
}

// What the isolate keeps between requests: values only. Concurrent first requests each read the
// secret (storage agrees on one) rather than await a promise another request's I/O would settle.
let runtime: Runtime | undefined

async function runtimeFor(env: WorkerEnv): Promise<Runtime> {
  if (runtime) return runtime
  const db = openDatabase(env)
  const secret = await reporterSecret(db, env.TRIAGE_SECRET)
  if (runtime) return runtime
  const services: ServiceContext = {
    db,
    reporterSecret: secret,
    now: Date.now,
    similarIndexLimit: readSimilarIndexLimit(env.TRIAGE_SIMILAR_INDEX_LIMIT),
    secrets: secretBox(env.TRIAGE_SECRET),
    requestBoundIo: true,
    cachedApps: isolateCachedApps,
    blobs: env.ATTACHMENTS ? leasedBlobs(db, r2Blobs(env.ATTACHMENTS)) : undefined,
    attachmentQuotaBytes: readAttachmentQuota(env.TRIAGE_ATTACHMENT_QUOTA_MB),
  }
  if (!env.ATTACHMENTS) console.warn('No ATTACHMENTS binding (see wrangler.toml): file uploads answer 503.')
  runtime = { app: createApp(services, { rateLimitStore: rateLimitStoreFor(env) }), services }
  return runtime
}

/** What Workers hands to handlers for work that outlives the response. */
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
}

export default {
  async fetch(request: Request, env: WorkerEnv, context: ExecutionContext): Promise<Response> {
    const { app, services } = await runtimeFor(env)
    const response = await app.fetch(request, env)
    // Writes queue webhook deliveries; send them now rather than at the next cron tick. In this
    // request's waitUntil: the work belongs to this request, which Workers keeps alive for it.
    if (request.method !== 'GET' && response.ok) context.waitUntil(dispatchWebhooks(services))
    return response
  },

  /** The Cron Trigger in wrangler.toml: the same SLA sweep and webhook retries Node runs on intervals. */
  async scheduled(_controller: unknown, env: WorkerEnv): Promise<void> {
    const { services } = await runtimeFor(env)
    // Awaited rather than left to waitUntil, so a failure marks the run as failed in Cloudflare's log.
    // Collecting deletes R2 objects that no attachment points to once their upload's lease is over.
    await Promise.all([sweepSla(services), dispatchWebhooks(services), services.blobs?.collect()])
  },
}

/**
 * Cloudflare Workers entry: the same Hono app as on Node. Storage is Turso (libSQL over HTTP)
 * when DATABASE_URL is set, else the D1 binding `DB` (the local stand-in under `wrangler dev`).
 * Migrations are applied ahead of deploys: `wrangler d1 migrations apply` for D1, drizzle-kit for Turso.
 */
import { createClient } from '@libsql/client/web'
import { drizzle as drizzleD1 } from 'drizzle-orm/d1'
import type { AnyD1Database } from 'drizzle-orm/d1'
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web'
import { createApp } from './app.ts'
import type { TriageApp } from './app.ts'
import { reporterSecret } from './bootstrap.ts'
import { readSimilarIndexLimit } from './config.ts'
import { schema } from './db/schema.ts'
import { secretBox } from './security/sealing.ts'
import type { ServiceContext } from './services/context.ts'
import { sweepSla } from './services/sla-sweep.ts'
import { dispatchWebhooks } from './services/webhook-dispatch.ts'
import type { Database } from './storage/database.ts'

export interface WorkerEnv {
  DB?: AnyD1Database
  DATABASE_URL?: string
  DATABASE_AUTH_TOKEN?: string
  TRIAGE_SECRET?: string
  TRIAGE_SIMILAR_INDEX_LIMIT?: string
}

function openDatabase(env: WorkerEnv): Database {
  if (env.DATABASE_URL) {
    return drizzleLibsql(createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }), { schema })
  }
  if (env.DB) {
    // D1 offers the same select/insert/batch surface storage uses; see storage/database.ts.
    return drizzleD1(env.DB, { schema }) as unknown as Database
  }
  throw new Error('No storage: set DATABASE_URL (Turso) or bind a D1 database as DB in wrangler.toml.')
}

interface Runtime {
  app: TriageApp
  services: ServiceContext
}

// One app per isolate: bindings do not change between requests of an isolate.
let runtime: Promise<Runtime> | undefined

async function build(env: WorkerEnv): Promise<Runtime> {
  const db = openDatabase(env)
  const services: ServiceContext = {
    db,
    reporterSecret: await reporterSecret(db, env.TRIAGE_SECRET),
    now: Date.now,
    similarIndexLimit: readSimilarIndexLimit(env.TRIAGE_SIMILAR_INDEX_LIMIT),
    secrets: secretBox(env.TRIAGE_SECRET),
  }
  return { app: createApp(services), services }
}

function runtimeFor(env: WorkerEnv): Promise<Runtime> {
  runtime ??= build(env).catch((error: unknown) => {
    runtime = undefined
    throw error
  })
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
    // Writes queue webhook deliveries; send them now rather than at the next cron tick.
    if (request.method !== 'GET' && response.ok) context.waitUntil(dispatchWebhooks(services))
    return response
  },

  /** The Cron Trigger in wrangler.toml: the same SLA sweep and webhook retries Node runs on intervals. */
  async scheduled(_controller: unknown, env: WorkerEnv, context: ExecutionContext): Promise<void> {
    const { services } = await runtimeFor(env)
    context.waitUntil(Promise.all([sweepSla(services), dispatchWebhooks(services)]))
  },
}

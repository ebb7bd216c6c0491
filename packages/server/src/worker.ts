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
import { schema } from './db/schema.ts'
import type { Database } from './storage/database.ts'

export interface WorkerEnv {
  DB?: AnyD1Database
  DATABASE_URL?: string
  DATABASE_AUTH_TOKEN?: string
  TRIAGE_SECRET?: string
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

// One app per isolate: bindings do not change between requests of an isolate.
let app: Promise<TriageApp> | undefined

async function build(env: WorkerEnv): Promise<TriageApp> {
  const db = openDatabase(env)
  return createApp({ db, reporterSecret: await reporterSecret(db, env.TRIAGE_SECRET), now: Date.now })
}

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    app ??= build(env).catch((error: unknown) => {
      app = undefined
      throw error
    })
    return (await app).fetch(request, env)
  },
}

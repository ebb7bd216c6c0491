import { drizzle } from 'drizzle-orm/sqlite-proxy'
import { schema } from '../../src/db/schema.ts'
import { generateKey } from '../../src/security/keys.ts'
import { insertApp, insertKey } from '../../src/storage/apps.ts'
import type { Database } from '../../src/storage/database.ts'

export interface SeedSql {
  /** INSERT statements for `wrangler d1 execute --file`. */
  sql: string
  appId: string
  publishableKey: string
  secretKey: string
}

/**
 * An app with a publishable key and an `admin` secret key, as SQL for a D1 database: Workers
 * have no demo bootstrap. The rows come from the same storage functions the Node server uses
 * (through a drizzle proxy that records instead of running), so they follow the schema.
 */
export async function seedSql(): Promise<SeedSql> {
  const statements: string[] = []
  const recorder = drizzle(async (query, params) => {
    statements.push(`${inlineParams(query, params)};`)
    return { rows: [] }
  }, { schema }) as unknown as Database

  const publishableKey = generateKey('publishable')
  const secretKey = generateKey('secret')
  const appId = await insertApp(recorder, { name: 'Workers test', allowedOrigins: [] })
  await insertKey(recorder, { appId, kind: 'publishable', name: 'workers test page', key: publishableKey })
  await insertKey(recorder, { appId, kind: 'secret', role: 'admin', name: 'workers test admin', key: secretKey })
  return { sql: statements.join('\n'), appId, publishableKey, secretKey }
}

/** `wrangler d1 execute` takes no parameters: write them into the statement as SQL literals. */
function inlineParams(query: string, params: unknown[]): string {
  const parts = query.split('?')
  if (parts.length !== params.length + 1) throw new Error(`cannot inline ${params.length} parameters into: ${query}`)
  return parts.reduce((sql, part, i) => sql + literal(params[i - 1]) + part)
}

function literal(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`
  throw new Error(`no SQL literal for ${typeof value} ${String(value)}`)
}

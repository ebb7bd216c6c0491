import { drizzle } from 'drizzle-orm/sqlite-proxy'
import { schema } from '../../src/db/schema.ts'
import type { Database } from '../../src/db/database.ts'

export interface RecordedSql<T> {
  /** The statements, for `wrangler d1 execute --file`. */
  sql: string
  /** What `seed` answered. */
  value: T
}

/**
 * Runs `seed` on a drizzle handle that records its statements instead of running them, and
 * answers them as SQL for a D1 database: Workers have no demo bootstrap, and the rows then come
 * from the same storage functions the Node server uses, so they follow the schema. Reads answer
 * no rows, so `seed` may only write.
 */
export async function recordSql<T>(seed: (db: Database) => Promise<T>): Promise<RecordedSql<T>> {
  const statements: string[] = []
  const record = (query: string, params: unknown[]) => void statements.push(`${inlineParams(query, params)};`)
  const recorder = drizzle(
    async (query, params) => {
      record(query, params)
      return { rows: [] }
    },
    async (batch) => {
      for (const { sql, params } of batch) record(sql, params)
      return batch.map(() => ({ rows: [] }))
    },
    { schema },
  ) as unknown as Database
  const value = await seed(recorder)
  return { sql: statements.join('\n'), value }
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

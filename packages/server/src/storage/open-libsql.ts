import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { fileURLToPath } from 'node:url'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Database } from '../db/database.ts'
import { repairBrokenText } from './text-repair.ts'
import { schema } from '../db/schema.ts'

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url))

export interface OpenOptions {
  /** `file:./data/triage.db`, `:memory:`, or a remote `libsql://…` / `https://…` URL (Turso). */
  url: string
  authToken?: string
}

/**
 * Opens libSQL and applies pending migrations, then the one-time repair of text written before
 * issue #12 (see text-repair.ts). A local file runs in WAL mode with
 * synchronous=NORMAL: readers never block the writer, and a commit is durable once in the WAL
 * (it survives a process crash; only a power loss may lose the last commits).
 */
export async function openLibsql(options: OpenOptions): Promise<{ db: Database; close: () => void; repairedText: number }> {
  const local = options.url.startsWith('file:') || options.url === ':memory:'
  if (options.url.startsWith('file:')) {
    const path = options.url.slice('file:'.length)
    await mkdir(dirname(path), { recursive: true })
  }
  // One connection for a local file: the PRAGMAs below are per connection, and a pooled second one
  // would run without them (no foreign keys, synchronous=FULL). Nothing is lost: the binding is
  // synchronous, and storage writes in batches, never in interactive transactions (D1 has none).
  const client = createClient({ url: options.url, authToken: options.authToken, ...(local ? { concurrency: 1 } : {}) })
  if (local) {
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA synchronous = NORMAL')
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute('PRAGMA foreign_keys = ON')
  }
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder })
  const repairedText = await repairBrokenText(db)
  return { db, close: () => client.close(), repairedText }
}

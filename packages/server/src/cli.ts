/**
 * The admin CLI: set a team up without SQL. Works on the database named by DATABASE_URL
 * (default: the same embedded file `npm start` uses).
 *
 *   npm run triage -- apps create --name "Acme Notes" --origin https://notes.acme.example
 *   npm run triage -- apps list
 *   npm run triage -- keys create --app app_… --role l2 --name "Sam"
 *   npm run triage -- keys create --app app_… --publishable
 *   npm run triage -- keys list --app app_…
 *   npm run triage -- keys revoke key_…
 *   npm run triage -- backup --to backups/triage-2026-12-04.db
 */
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { openLibsql } from './storage/open-libsql.ts'
import { generateKey } from './security/keys.ts'
import { findApp, findKey, insertApp, insertKey, listApps, listKeys, revokeKey } from './storage/apps.ts'
import type { Database } from './db/database.ts'

const usage = `usage: npm run triage -- <command>
  apps create --name NAME [--origin URL ...]   a new app (tenant) with a publishable key
  apps list
  keys create --app APP_ID --role l1|l2|l3|admin [--name NAME]   a secret key (shown once)
  keys create --app APP_ID --publishable [--name NAME]
  keys list --app APP_ID
  keys revoke KEY_ID
  backup --to FILE   a consistent copy of the whole database, attachments included, while the server runs`

const roles = ['l1', 'l2', 'l3', 'admin'] as const
type Role = (typeof roles)[number]

class UsageError extends Error {}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`)
  return value
}

async function run(db: Database, argv: string[], databaseUrl: string): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      app: { type: 'string' },
      role: { type: 'string' },
      publishable: { type: 'boolean' },
      to: { type: 'string' },
    },
  })
  const [noun, verb, target] = positionals
  const command = `${noun ?? ''} ${verb ?? ''}`.trim()

  switch (command) {
    case 'apps create': {
      const origins = values.origin ?? []
      for (const origin of origins) {
        if (new URL(origin).origin !== origin) throw new UsageError(`--origin takes an origin like https://shop.example (no path), not ${origin}`)
      }
      const appId = await insertApp(db, { name: required(values.name, '--name'), allowedOrigins: origins })
      const publishableKey = generateKey('publishable')
      await insertKey(db, { appId, kind: 'publishable', name: 'web', key: publishableKey })
      return `app ${appId} created\npublishable key: ${publishableKey}\nallowed origins: ${origins.join(', ') || '(any)'}`
    }
    case 'apps list':
      return (await listApps(db)).map((app) => `${app.id}\t${app.name}\t${app.allowedOrigins.join(',') || '(any origin)'}`).join('\n') || '(no apps)'
    case 'keys create': {
      const appId = required(values.app, '--app')
      if (!(await findApp(db, appId))) throw new UsageError(`no app ${appId}; see: npm run triage -- apps list`)
      if (values.publishable) {
        const key = generateKey('publishable')
        await insertKey(db, { appId, kind: 'publishable', name: values.name ?? 'web', key })
        return `publishable key: ${key}`
      }
      const role = required(values.role, '--role')
      if (!roles.includes(role as Role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`)
      const key = generateKey('secret')
      const id = await insertKey(db, { appId, kind: 'secret', role: role as Role, name: values.name ?? `${role} agent`, key })
      return `secret key ${id} (${role}): ${key}\nShown once: only its hash is stored.`
    }
    case 'keys list': {
      const keys = await listKeys(db, required(values.app, '--app'))
      return keys.map((key) => `${key.id}\t${key.kind}\t${key.role ?? '-'}\t${key.name}\t${key.display}\t${key.revokedAt ? 'revoked' : 'active'}`).join('\n') || '(no keys)'
    }
    case 'keys revoke': {
      const key = await findKey(db, required(target, 'KEY_ID'))
      if (!key) throw new UsageError(`no key ${target}; see: npm run triage -- keys list --app APP_ID`)
      if (key.revokedAt === null) await revokeKey(db, key.id)
      return `key ${key.id} revoked`
    }
    case 'backup': {
      const to = required(values.to, '--to')
      if (!databaseUrl.startsWith('file:')) throw new UsageError('backup copies a local database file; a Turso database has its own backups (point-in-time restore)')
      if (existsSync(to)) throw new UsageError(`${to} exists; back up to a new file`)
      // One read transaction (WAL: the server keeps writing meanwhile) into a compact new file.
      await db.run(sql`vacuum into ${to}`)
      return `backup written to ${to}: incidents, keys, settings and attachments. Restore it by serving it as DATABASE_URL=file:${to}`
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command')
  }
}

/** Runs one CLI command; exported for tests. */
export async function runCli(argv: string[], databaseUrl: string, authToken?: string): Promise<{ code: number; output: string }> {
  const { db, close } = await openLibsql({ url: databaseUrl, authToken })
  try {
    return { code: 0, output: await run(db, argv, databaseUrl) }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) return { code: 2, output: `${error.message}\n\n${usage}` }
    throw error
  } finally {
    close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runCli(process.argv.slice(2), process.env['DATABASE_URL'] ?? 'file:./data/triage.db', process.env['DATABASE_AUTH_TOKEN'])
  ;(result.code === 0 ? console.log : console.error)(result.output)
  process.exit(result.code)
}

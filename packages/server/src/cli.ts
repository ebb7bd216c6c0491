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
 *   npm run triage -- agents invite --email ada@example.com --role l2 [--app app_…] [--name "Ada"]
 *   npm run triage -- agents list [--app app_…]
 *   npm run triage -- backup --to backups/triage-2026-12-04.db
 *   npm run triage -- reporters export --app app_… --email ada@example.com --to ada.json
 */
import { existsSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { agentInviteSchema } from '@triage/protocol/schemas'
import { inviteAgent } from './agents/accounts.ts'
import { toAgent } from './agents/views.ts'
import { readPublicUrl } from './config.ts'
import { openLibsql } from './storage/open-libsql.ts'
import type { ServiceContext } from './domain/context.ts'
import { DomainError } from './domain/errors.ts'
import { listAgents } from './storage/agents.ts'
import { generateKey } from './security/keys.ts'
import { findApp, findKey, insertApp, insertKey, listApps, listKeys, revokeKey } from './storage/apps.ts'
import type { Database } from './db/database.ts'
import type { ReporterExport, ReporterSubject } from '@triage/protocol'
import { reporterSecret } from './bootstrap.ts'
import { exportReporter } from './privacy/export.ts'

const usage = `usage: npm run triage -- <command>
  apps create --name NAME [--origin URL ...]   a new app (tenant) with a publishable key
  apps list
  keys create --app APP_ID --role l1|l2|l3|admin [--name NAME]   a secret key (shown once)
  keys create --app APP_ID --publishable [--name NAME]
  keys list --app APP_ID
  keys revoke KEY_ID
  backup --to FILE   a consistent copy of the whole database, attachments included, while the server runs
  reporters export --app APP_ID (--email EMAIL | --user-id USER_ID) --to FILE
                     everything the app holds about one person (right of access), as JSON; on the audit trail
  agents invite --email EMAIL --role l1|l2|l3|admin [--app APP_ID] [--name NAME]   a one-time link to set a password
  agents list [--app APP_ID]
  (--app may be left out when there is one app; links start with TRIAGE_PUBLIC_URL, else http://HOST:PORT)`

const roles = ['l1', 'l2', 'l3', 'admin'] as const
type Role = (typeof roles)[number]

class UsageError extends Error {}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`)
  return value
}

/** The app a command is about: `--app`, or the only app there is. */
async function appOf(db: Database, app: string | undefined): Promise<string> {
  if (app) {
    if (!(await findApp(db, app))) throw new UsageError(`no app ${app}; see: npm run triage -- apps list`)
    return app
  }
  const apps = await listApps(db)
  const [only] = apps
  if (!only || apps.length > 1) throw new UsageError(`${apps.length === 0 ? 'there is no app yet' : 'there are several apps'}: say which with --app (npm run triage -- apps list)`)
  return only.id
}

/** Where the server is reached, for invitation links. */
interface CliEnv {
  publicUrl: string | undefined
  baseUrl: string
}

async function run(db: Database, argv: string[], databaseUrl: string, env: CliEnv): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      app: { type: 'string' },
      role: { type: 'string' },
      publishable: { type: 'boolean' },
      email: { type: 'string' },
      to: { type: 'string' },
      'user-id': { type: 'string' },
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
    case 'agents invite': {
      const appId = await appOf(db, values.app)
      const role = required(values.role, '--role')
      if (!roles.includes(role as Role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`)
      const parsed = agentInviteSchema.safeParse({ email: required(values.email, '--email'), role, ...(values.name ? { name: values.name } : {}) })
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join('.')} ${issue.message}`).join('; '))
      // The invitation only needs storage and a clock of the service context.
      const context: ServiceContext = { db, reporterSecret: '', now: Date.now, ...(env.publicUrl ? { publicUrl: env.publicUrl } : {}) }
      try {
        const invitation = await inviteAgent(context, appId, parsed.data, env.baseUrl)
        return `agent ${invitation.agent.id} (${invitation.agent.role}) invited: ${invitation.agent.email}\nlink to set a password (one time, until ${invitation.expiresAt}):\n${invitation.inviteUrl}`
      } catch (error) {
        if (error instanceof DomainError) throw new UsageError(error.detail)
        throw error
      }
    }
    case 'agents list': {
      const appId = await appOf(db, values.app)
      const agents = await listAgents(db, appId)
      return agents.map((agent) => `${agent.id}\t${agent.role}\t${agent.email}\t${agent.name || '-'}\t${toAgent(agent).status}`).join('\n') || '(no agents)'
    }
    case 'backup': {
      const to = required(values.to, '--to')
      if (!databaseUrl.startsWith('file:')) throw new UsageError('backup copies a local database file; a Turso database has its own backups (point-in-time restore)')
      if (existsSync(to)) throw new UsageError(`${to} exists; back up to a new file`)
      // One read transaction (WAL: the server keeps writing meanwhile) into a compact new file.
      await db.run(sql`vacuum into ${to}`)
      return `backup written to ${to}: incidents, keys, settings and attachments. Restore it by serving it as DATABASE_URL=file:${to}`
    }
    case 'reporters export': {
      const appId = required(values.app, '--app')
      const to = required(values.to, '--to')
      if ((values.email === undefined) === (values['user-id'] === undefined)) throw new UsageError('give exactly one of --email and --user-id')
      if (!(await findApp(db, appId))) throw new UsageError(`no app ${appId}; see: npm run triage -- apps list`)
      if (existsSync(to)) throw new UsageError(`${to} exists; export to a new file`)
      const subject = values.email !== undefined ? { email: values.email } : { userId: values['user-id'] ?? '' }
      const exported = await exportAll(db, appId, subject)
      // Personal data: readable by this user only.
      writeFileSync(to, `${JSON.stringify(exported, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
      return `${exported.incidents.length} incident(s) of this person exported to ${to} (recorded in the audit trail as cli:${userInfo().username})`
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command')
  }
}

/** Every page of one person's export (privacy/export.ts), as one document, under the CLI user's name. */
async function exportAll(db: Database, appId: string, subject: ReporterSubject): Promise<Omit<ReporterExport, 'nextCursor'>> {
  const context: ServiceContext = { db, reporterSecret: await reporterSecret(db, process.env['TRIAGE_SECRET'] || undefined), now: Date.now }
  const caller = { appId, actor: { name: `cli:${userInfo().username}`, id: null } }
  let page = await exportReporter(context, caller, subject)
  const incidents = [...page.incidents]
  while (page.nextCursor !== null) {
    page = await exportReporter(context, caller, subject, page.nextCursor)
    incidents.push(...page.incidents)
  }
  return { subject: page.subject, app: page.app, exportedAt: page.exportedAt, incidents }
}

/** Runs one CLI command; exported for tests. */
export async function runCli(
  argv: string[],
  databaseUrl: string,
  authToken?: string,
  env: CliEnv = { publicUrl: undefined, baseUrl: 'http://127.0.0.1:8787' },
): Promise<{ code: number; output: string }> {
  const { db, close } = await openLibsql({ url: databaseUrl, authToken })
  try {
    return { code: 0, output: await run(db, argv, databaseUrl, env) }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) return { code: 2, output: `${error.message}\n\n${usage}` }
    throw error
  } finally {
    close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const publicUrl = readPublicUrl(process.env['TRIAGE_PUBLIC_URL'])
  const baseUrl = publicUrl ?? `http://${process.env['HOST'] || '127.0.0.1'}:${process.env['PORT'] || 8787}`
  const result = await runCli(process.argv.slice(2), process.env['DATABASE_URL'] ?? 'file:./data/triage.db', process.env['DATABASE_AUTH_TOKEN'], { publicUrl, baseUrl })
  ;(result.code === 0 ? console.log : console.error)(result.output)
  process.exit(result.code)
}

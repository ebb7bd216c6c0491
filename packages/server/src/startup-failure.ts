import { isAbsolute, resolve } from 'node:path'
import type { NodeConfig } from './config.ts'
import { ConfigError } from './config.ts'

/** What a startup failure message may name: where the server was to listen and what it was to open. */
export interface StartupSettings {
  port: number
  host: string
  databaseUrl: string
  /** Values that must never be printed (TRIAGE_SECRET, demo keys, database token): masked if they appear. */
  secrets?: readonly (string | undefined)[]
}

const prefix = 'Triage cannot start:'

/**
 * The settings a failure message may name, from the configuration when it was read, else from the
 * environment (a bad setting fails before there is a configuration), with the values never to print.
 */
export function startupSettings(env: Record<string, string | undefined>, config?: NodeConfig): StartupSettings {
  return {
    port: config?.port ?? 8787,
    host: config?.host ?? env['HOST'] ?? '127.0.0.1',
    databaseUrl: config?.databaseUrl ?? env['DATABASE_URL'] ?? 'file:./data/triage.db',
    secrets: [env['TRIAGE_SECRET'], env['TRIAGE_DEMO_SK'], env['TRIAGE_DEMO_PK'], env['DATABASE_AUTH_TOKEN'], env['SMTP_URL']],
  }
}

/**
 * One line for a failure before the server serves (#12.7): what failed, why, and what to do, with
 * no stack and no secret. A driver's own message can carry a query's parameters (a freshly
 * generated secret, a key hash), so it is never printed as it is: known causes get our words, and
 * an unknown one only the first line of its message, with values that look like tokens masked.
 *
 * @example
 * describeStartupFailure(listenError, { port: 8787, host: '127.0.0.1', databaseUrl: 'file:./data/triage.db' })
 * // 'Triage cannot start: port 8787 on 127.0.0.1 is already in use (PORT=8787). Stop the program that uses it, or choose another port: PORT=8788 npm start'
 */
export function describeStartupFailure(error: unknown, settings: StartupSettings): string {
  return mask(`${prefix} ${reason(error, settings)}`, settings.secrets ?? [])
}

function reason(error: unknown, settings: StartupSettings): string {
  if (error instanceof ConfigError) return error.message
  const { port, host } = settings
  const database = databaseLocation(settings.databaseUrl)
  const causes = causeChain(error)
  const system = causes.find((cause) => typeof cause.syscall === 'string')

  if (system?.syscall === 'listen') {
    switch (system.code) {
      case 'EADDRINUSE':
        return `port ${port} on ${host} is already in use (PORT=${port}). Stop the program that uses it, or choose another port: PORT=${port + 1} npm start`
      case 'EACCES':
        return `this user may not listen on port ${port} (PORT=${port}): ports below 1024 need privileges. Choose a higher port, e.g. PORT=8787.`
      case 'EADDRNOTAVAIL':
        return `HOST=${host} is not an address of this machine. Use HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface).`
    }
  }
  if (system?.syscall === 'getaddrinfo') {
    return `HOST=${host} is not a name this machine can resolve. Use HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface).`
  }
  if (system?.syscall === 'mkdir') {
    return `the folder for the database ${database} cannot be created (${system.code}: ${String(system.path)}). Create it, writable by this user, or point DATABASE_URL at a file in a writable folder.`
  }

  switch (sqliteCode(causes)) {
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return `the database ${database} is read-only for this user. Give it write access to the file and to its folder (SQLite writes -wal and -shm files beside it), or point DATABASE_URL at a writable file.`
    case 'SQLITE_CANTOPEN':
      return `the database ${database} cannot be opened or created. Check that it is a file (not a folder) in a folder this user may write to, or point DATABASE_URL elsewhere.`
    case 'SQLITE_NOTADB':
      return `${database} is not a SQLite database. Point DATABASE_URL at Triage's database, or move this file away to start with a new one.`
    case 'SQLITE_CORRUPT':
      return `the database ${database} is damaged. Restore it from a backup, or point DATABASE_URL at another file.`
    case 'SQLITE_FULL':
      return `the disk that holds the database ${database} is full. Free some space, then start again.`
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return `the database ${database} is locked by another program. Stop it (another Triage?), then start again.`
    case 'SQLITE_IOERR':
      return `the database ${database} cannot be read or written (an input/output error). Check the disk, then start again.`
  }

  const libsql = causes.find((cause) => typeof cause.code === 'string' && /^URL_/.test(cause.code))
  if (libsql) {
    return `DATABASE_URL is not a database URL Triage can open (${String(libsql.code)}). Use file:./data/triage.db (a local file), :memory:, or libsql://your-database.turso.io.`
  }
  if (isRemote(settings.databaseUrl)) {
    return `the database at ${database} cannot be reached or refused the connection (${firstLine(causes.at(-1)?.message)}). Check DATABASE_URL, DATABASE_AUTH_TOKEN and the network.`
  }

  const last = causes.at(-1)
  return `${firstLine(causes[0]?.message) || String(error)}${last && last !== causes[0] ? ` (${firstLine(last.message)})` : ''}. Set TRIAGE_DEBUG=1 to print the whole error (it may include secrets).`
}

interface ErrorLike {
  message?: string
  code?: unknown
  syscall?: unknown
  path?: unknown
  rawCode?: unknown
}

/** The error and its causes, outermost first (drizzle wraps libSQL, which wraps the native binding). */
function causeChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = []
  let current: unknown = error
  while (current && typeof current === 'object' && chain.length < 8) {
    chain.push(current as ErrorLike)
    current = (current as { cause?: unknown }).cause
  }
  return chain
}

/** SQLite's primary result codes, by number, for errors the binding raises without a name. */
const sqliteNames: Record<number, string> = {
  3: 'SQLITE_PERM',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  23: 'SQLITE_AUTH',
  26: 'SQLITE_NOTADB',
}

/**
 * The primary SQLite result code in the chain (`SQLITE_READONLY_DBMOVED` counts as `SQLITE_READONLY`).
 * Opening a file that cannot be opened raises `ConnectionFailed("… : 14")`, with the code only in the text.
 */
function sqliteCode(causes: readonly ErrorLike[]): string | undefined {
  for (const cause of causes) {
    if (typeof cause.rawCode === 'number' && sqliteNames[cause.rawCode & 0xff]) return sqliteNames[cause.rawCode & 0xff]
    if (typeof cause.code === 'string' && cause.code.startsWith('SQLITE_')) {
      return Object.values(sqliteNames).find((name) => cause.code === name || String(cause.code).startsWith(`${name}_`)) ?? cause.code
    }
    const opened = /^ConnectionFailed\(".*: (\d+)"\)$/.exec(cause.message ?? '')
    if (opened) return sqliteNames[Number(opened[1]) & 0xff]
  }
  return undefined
}

const isRemote = (url: string) => /^(libsql|https?|wss?):/i.test(url)

/** Where the database is, safe to print: a local file's full path, or a remote URL without credentials or query. */
export function databaseLocation(url: string): string {
  if (url === ':memory:' || url === 'file::memory:') return 'in memory'
  if (url.startsWith('file:')) {
    const path =
      url
        .slice('file:'.length)
        .replace(/^\/\/(?=\/)/, '')
        .split('?')[0] ?? ''
    return isAbsolute(path) ? path : resolve(path)
  }
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`
  } catch {
    return 'DATABASE_URL'
  }
}

/** The first line of a message, without what drizzle appends after it (`params: …`). */
function firstLine(message: string | undefined): string {
  return (
    (message ?? '')
      .split('\n')[0]
      ?.replace(/\s*params:.*$/, '')
      .trim() ?? ''
  )
}

/** Masks the configured secrets, and anything shaped like a key or generated token (long base64url / hex runs). */
function mask(line: string, secrets: readonly (string | undefined)[]): string {
  let masked = line
  for (const secret of secrets) if (secret && secret.length >= 4) masked = masked.split(secret).join('[secret]')
  return masked.replace(/\b(?:[ps]k|rt)_[\w-]+/g, '[secret]').replace(/[A-Za-z0-9_-]{24,}/g, (run) => (/[0-9]/.test(run) && /[A-Za-z]/.test(run) ? '[secret]' : run))
}

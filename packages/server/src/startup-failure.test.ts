import { describe, expect, it } from 'vitest'
import { ConfigError } from './config.ts'
import { databaseLocation, describeStartupFailure } from './startup-failure.ts'

const settings = { port: 8787, host: '127.0.0.1', databaseUrl: 'file:/srv/triage/triage.db' }

/** An error as libSQL's client raises it: its code, SQLite's number, and the binding's error as the cause. */
const libsqlError = (code: string, rawCode: number) =>
  Object.assign(new Error(`${code}: message`), { code, rawCode, cause: Object.assign(new Error('message'), { code, rawCode }) })

describe('a startup failure in one line', () => {
  it('gives each storage condition its own words: what, and what to do', () => {
    const say = (error: unknown) => describeStartupFailure(error, settings)
    expect(say(libsqlError('SQLITE_CORRUPT', 11))).toBe(
      'Triage cannot start: the database /srv/triage/triage.db is damaged. Restore it from a backup, or point DATABASE_URL at another file.',
    )
    expect(say(libsqlError('SQLITE_FULL', 13))).toContain('is full. Free some space')
    expect(say(libsqlError('SQLITE_BUSY', 5))).toContain('is locked by another program')
    // Extended codes count as their primary code (1544 = SQLITE_READONLY_DBMOVED).
    expect(say(libsqlError('UNKNOWN_SQLITE_ERROR_1544', 1544))).toContain('is read-only for this user')
  })

  it('keeps a driver message it does not know to its first line, without the query parameters, and says how to see more', () => {
    const query = Object.assign(
      new Error('Failed query: insert into "settings" ("name", "value") values (?, ?)\nparams: reporter_secret,dP0ou1uEYiF0Y9iG7jYE_q7fAHPWo0Gp2an89ogdVQE'),
      {
        cause: new Error('something new went wrong'),
      },
    )
    expect(describeStartupFailure(query, settings)).toBe(
      'Triage cannot start: Failed query: insert into "settings" ("name", "value") values (?, ?) (something new went wrong). Set TRIAGE_DEBUG=1 to print the whole error (it may include secrets).',
    )
  })

  it('masks configured secrets and anything shaped like a key or token', () => {
    const error = new Error('rejected sk_abcdef123 and rt_xyz and A1b2C3d4E5f6G7h8I9j0K1l2M3n4 and hunter2hunter2')
    const line = describeStartupFailure(error, { ...settings, secrets: ['hunter2hunter2', undefined] })
    expect(line).toBe('Triage cannot start: rejected [secret] and [secret] and [secret] and [secret]. Set TRIAGE_DEBUG=1 to print the whole error (it may include secrets).')
  })

  it('passes a configuration error through as it is', () => {
    expect(describeStartupFailure(new ConfigError('PORT must be a port number (0-65535), not "x".'), settings)).toBe(
      'Triage cannot start: PORT must be a port number (0-65535), not "x".',
    )
  })
})

describe('where the database is, safe to print', () => {
  it('gives a file its full path and a remote database its host, never its credentials', () => {
    expect(databaseLocation('file:/srv/triage.db')).toBe('/srv/triage.db')
    expect(databaseLocation('file:///srv/triage.db')).toBe('/srv/triage.db')
    expect(databaseLocation('file:./data/triage.db')).toBe(`${process.cwd()}/data/triage.db`)
    expect(databaseLocation(':memory:')).toBe('in memory')
    expect(databaseLocation('libsql://user:pass@db-acme.turso.io?authToken=abc')).toBe('libsql://db-acme.turso.io')
    expect(databaseLocation('not a url')).toBe('DATABASE_URL')
  })
})

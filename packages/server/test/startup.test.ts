import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { openLibsql } from '../src/storage/open-libsql.ts'
import { curlExamplesSection } from '../src/startup-banner.ts'

// `node packages/server/src/node.ts` as `npm start` runs it, in a child process, against real
// files and sockets (#12.7): a failure to start is one line on stderr, exit code 1, no secret.
const entry = fileURLToPath(new URL('../src/node.ts', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'triage-startup-'))
/** Folders made read-only, given back their write bit so they can be removed (by a user who is not root). */
const readOnly: string[] = []
afterAll(() => {
  for (const dir of readOnly) chmodSync(dir, 0o755)
  rmSync(folder, { recursive: true, force: true })
})

/**
 * File permissions do not stop root, so as root the server runs without the capabilities that
 * override them (setpriv, from util-linux): still root, so it can reach a checkout in a folder only
 * root may enter (`mktemp -d`, where `nobody` got EACCES on node itself), but held to file modes.
 */
const unprivilegedPrefix = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search', '--'] : []

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the entry until it exits, or until `until` matches its stdout (then stops it). A server
 * that never prints what is awaited is stopped after 15 s, so a failing test leaves no process behind.
 */
function run(env: Record<string, string>, options: { unprivileged?: boolean; until?: RegExp } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const command = [...(options.unprivileged ? unprivilegedPrefix : []), process.execPath, entry]
    const child = spawn(command[0] as string, command.slice(1), {
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', ...env },
      timeout: 15_000,
    })
    const result: Run = { code: null, stdout: '', stderr: '' }
    child.stdout.on('data', (chunk: Buffer) => {
      result.stdout += chunk
      if (options.until?.test(result.stdout)) child.kill('SIGTERM')
    })
    child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ ...result, code }))
  })
}

/** A migrated database with no reporter secret yet: starting on it generates one and writes it. */
async function migratedDatabase(path: string): Promise<void> {
  const { close } = await openLibsql({ url: `file:${path}` })
  close()
}

const demoSecretKey = 'sk_startupTestKey0123456789abcdefABCDEF'

/** Exactly one line, ours, with no stack, no query and nothing shaped like a key or a generated secret. */
function expectOneCleanLine(result: Run): string {
  expect(result.code).toBe(1)
  const lines = result.stderr.trimEnd().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  const [line = ''] = lines
  expect(line).toMatch(/^Triage cannot start: /)
  expect(line).not.toMatch(/\bat .*:\d+:\d+|params|Failed query|sk_|[A-Za-z0-9_-]{32,}/)
  expect(line).not.toContain(demoSecretKey)
  return line
}

describe('a failure to start is one clear line', () => {
  it('a read-only database file: says so, names the file and what to do, and prints no secret', async () => {
    const dir = join(folder, 'read-only-file')
    mkdirSync(dir)
    const path = join(dir, 'triage.db')
    await migratedDatabase(path)
    chmodSync(path, 0o444)
    chmodSync(dir, 0o777)
    // No TRIAGE_SECRET: the server generates one and fails to store it; the query held it.
    const line = expectOneCleanLine(await run({ DATABASE_URL: `file:${path}`, TRIAGE_DEMO_SK: demoSecretKey }, { unprivileged: true }))
    expect(line).toBe(
      `Triage cannot start: the database ${path} is read-only for this user. Give it write access to the file and to its folder (SQLite writes -wal and -shm files beside it), or point DATABASE_URL at a writable file.`,
    )
  })

  it('a read-only folder holding the database: the same line', async () => {
    const dir = join(folder, 'read-only-folder')
    mkdirSync(dir)
    const path = join(dir, 'triage.db')
    await migratedDatabase(path)
    chmodSync(path, 0o444)
    chmodSync(dir, 0o555)
    readOnly.push(dir)
    const line = expectOneCleanLine(await run({ DATABASE_URL: `file:${path}`, TRIAGE_SECRET: 'startup-test-secret-value' }, { unprivileged: true }))
    expect(line).toContain(`the database ${path} is read-only for this user`)
    expect(line).not.toContain('startup-test-secret-value')
  })

  it('a read-only folder where the database is to be created: cannot be created, and what to check', async () => {
    const dir = join(folder, 'empty-read-only-folder')
    mkdirSync(dir)
    chmodSync(dir, 0o555)
    readOnly.push(dir)
    const line = expectOneCleanLine(await run({ DATABASE_URL: `file:${join(dir, 'triage.db')}` }, { unprivileged: true }))
    expect(line).toContain(`the database ${join(dir, 'triage.db')} cannot be opened or created`)
    expect(line).toContain('DATABASE_URL')
  })

  it('a database folder that cannot be made: names the folder', async () => {
    const file = join(folder, 'a-file')
    writeFileSync(file, '')
    const line = expectOneCleanLine(await run({ DATABASE_URL: `file:${join(file, 'data', 'triage.db')}` }))
    expect(line).toContain(`cannot be created (ENOTDIR: ${join(file, 'data')})`)
  })

  it('a file that is not a database, and a URL that is not one', async () => {
    const file = join(folder, 'notes.txt')
    writeFileSync(file, 'These are my notes, not a database. '.repeat(20))
    expect(expectOneCleanLine(await run({ DATABASE_URL: `file:${file}` }))).toContain(`${file} is not a SQLite database`)
    expect(expectOneCleanLine(await run({ DATABASE_URL: 'postgres://db.example/triage' }))).toContain('DATABASE_URL is not a database URL Triage can open')
  })

  it('a remote database that cannot be reached: no token in the line', async () => {
    const line = expectOneCleanLine(await run({ DATABASE_URL: 'libsql://127.0.0.1:1?authToken=tokenInTheUrl123', DATABASE_AUTH_TOKEN: 'tokenInTheEnv456' }))
    expect(line).toContain('the database at libsql://127.0.0.1:1 cannot be reached')
    expect(line).not.toMatch(/tokenInThe/)
  })

  it('a port in use: names PORT and another to try', async () => {
    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const { port } = busy.address() as AddressInfo
    try {
      const line = expectOneCleanLine(await run({ DATABASE_URL: `file:${join(folder, 'busy-port.db')}`, PORT: String(port) }))
      expect(line).toBe(
        `Triage cannot start: port ${port} on 127.0.0.1 is already in use (PORT=${port}). Stop the program that uses it, or choose another port: PORT=${port + 1} npm start`,
      )
    } finally {
      busy.close()
    }
  })

  it('a setting that cannot be: names it', async () => {
    expect(expectOneCleanLine(await run({ PORT: 'eighty' }))).toBe('Triage cannot start: PORT must be a port number (0-65535), not "eighty".')
  })

  it('TRIAGE_DEBUG=1 adds the whole error for whoever asked', async () => {
    const file = join(folder, 'debug.txt')
    writeFileSync(file, 'not a database '.repeat(40))
    const result = await run({ DATABASE_URL: `file:${file}`, TRIAGE_DEBUG: '1' })
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n')[0]).toContain('is not a SQLite database')
    expect(result.stderr).toContain('SQLITE_NOTADB')
  })
})

describe('a start that works', () => {
  it('prints where things are, the demo keys, and the next steps', async () => {
    const result = await run({ DATABASE_URL: `file:${join(folder, 'ok.db')}` }, { until: /API reference/ })
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^Triage is up at http:\/\/127\.0\.0\.1:\d+ \(database .*ok\.db\)$/m)
    expect(result.stdout).toMatch(/demo publishable key: pk_[\w-]+/)
    expect(result.stdout).toMatch(/demo admin secret key: sk_[\w-]+ {3}\(shown once/)
    expect(result.stdout).toMatch(/Next steps\n {2}1\. .*curl: README\.md, section "Call the API"/)
    expect(result.stdout).toMatch(/agents' console: +http:\/\/127\.0\.0\.1:\d+\/console$/m)
    expect(result.stdout).toContain('demo admin agent:     admin@example.com / triage-demo-password')
    expect(result.stdout).toContain('npm run triage -- agents invite --email')
    expect(result.stdout).toMatch(/API reference: http:\/\/127\.0\.0\.1:\d+\/openapi\.json/)
  })

  it('prints the demo admin agent the environment chose, and keeps it across starts', async () => {
    const env = { DATABASE_URL: `file:${join(folder, 'agent.db')}`, TRIAGE_DEMO_AGENT_EMAIL: 'ops@acme.example', TRIAGE_DEMO_AGENT_PASSWORD: 'the ops team password' }
    const first = await run(env, { until: /API reference/ })
    expect(first.stdout).toContain('demo admin agent:     ops@acme.example / the ops team password')
    const again = await run({ DATABASE_URL: env.DATABASE_URL, TRIAGE_DEMO_AGENT_EMAIL: env.TRIAGE_DEMO_AGENT_EMAIL }, { until: /API reference/ })
    // The default password is not this agent's: the banner does not pretend it is.
    expect(again.stdout).toContain('demo admin agent:     ops@acme.example / (changed since the first start; set TRIAGE_DEMO_AGENT_PASSWORD to choose it again)')
  })

  it('points only to places that exist: the README section and the problem types page', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url))
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(new RegExp(`^## ${curlExamplesSection}$`, 'm'))
    expect(existsSync(join(root, 'docs/problems.md'))).toBe(true)
  })
})

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { AuditList, ReporterExport } from '@triage/protocol'
import { runCli } from '../src/cli.ts'
import { readNodeConfig } from '../src/config.ts'
import { startNodeServer } from '../src/node-server.ts'

const folder = mkdtempSync(join(tmpdir(), 'triage-cli-'))
const databaseUrl = `file:${join(folder, 'triage.db')}`
afterAll(() => rmSync(folder, { recursive: true, force: true }))

it('sets a team up without SQL: an app, a key that works, and its revocation', async () => {
  const created = await runCli(['apps', 'create', '--name', 'Acme Notes', '--origin', 'https://notes.acme.example'], databaseUrl)
  expect(created.code).toBe(0)
  const appId = /app (app_\S+) created/.exec(created.output)?.[1]
  const publishableKey = /publishable key: (pk_\S+)/.exec(created.output)?.[1]
  expect(appId).toBeDefined()

  const key = await runCli(['keys', 'create', '--app', appId ?? '', '--role', 'l2', '--name', 'Sam'], databaseUrl)
  const [, keyId, secretKey] = /secret key (key_\S+) \(l2\): (sk_\S+)/.exec(key.output) ?? []
  expect(secretKey).toBeDefined()

  const server = await startNodeServer({ ...readNodeConfig({ DATABASE_URL: databaseUrl, PORT: '0' }) })
  try {
    const report = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-triage-key': publishableKey ?? '', origin: 'https://notes.acme.example' },
      body: JSON.stringify({ symptoms: 'Sync is stuck' }),
    })
    expect(report.status).toBe(201)
    const list = await fetch(`${server.url}/v1/incidents`, { headers: { authorization: `Bearer ${secretKey}` } })
    expect(list.status).toBe(200)
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1)

    expect((await runCli(['keys', 'revoke', keyId ?? ''], databaseUrl)).code).toBe(0)
    expect((await fetch(`${server.url}/v1/incidents`, { headers: { authorization: `Bearer ${secretKey}` } })).status).toBe(401)
  } finally {
    await server.close()
  }
})

it('explains a wrong command, a bad role or an unknown app with exit code 2 and the usage', async () => {
  for (const argv of [['frob'], ['keys', 'create', '--app', 'app_nope', '--role', 'l2'], ['apps', 'create', '--name', 'x', '--origin', 'not a url'], ['apps', 'create']]) {
    const result = await runCli(argv, databaseUrl)
    expect(result.code, argv.join(' ')).toBe(2)
    expect(result.output).toContain('usage: npm run triage')
  }
  const apps = await runCli(['apps', 'list'], databaseUrl)
  const appId = /^(app_\S+)/m.exec(apps.output)?.[1] ?? ''
  expect((await runCli(['keys', 'create', '--app', appId, '--role', 'boss'], databaseUrl)).output).toContain('--role must be one of')
})

it('invites an agent from the command line: a one-time link that sets a password and signs in', async () => {
  const apps = await runCli(['apps', 'list'], databaseUrl)
  const appId = /^(app_\S+)/m.exec(apps.output)?.[1] ?? ''
  const env = { publicUrl: 'https://triage.example.com', baseUrl: 'https://triage.example.com' }
  const invited = await runCli(['agents', 'invite', '--email', 'Lea@Example.com', '--role', 'l2', '--app', appId, '--name', 'Lea'], databaseUrl, undefined, env)
  expect(invited.code).toBe(0)
  expect(invited.output).toMatch(/^agent agt_\S+ \(l2\) invited: lea@example\.com$/m)
  const link = /^(https:\/\/triage\.example\.com\/console\/invitation#inv_[\w-]{43})$/m.exec(invited.output)?.[1]
  expect(link).toBeDefined()
  expect((await runCli(['agents', 'list', '--app', appId], databaseUrl)).output).toMatch(/\tl2\tlea@example\.com\tLea\tinvited$/m)
  // Again for the same e-mail: refused, with the way to send a new link.
  const again = await runCli(['agents', 'invite', '--email', 'lea@example.com', '--role', 'l2', '--app', appId], databaseUrl, undefined, env)
  expect(again.code).toBe(2)
  expect(again.output).toContain('/invitation')

  const server = await startNodeServer({ ...readNodeConfig({ DATABASE_URL: databaseUrl, PORT: '0' }), demoAgent: undefined })
  try {
    const token = new URL(link ?? '').hash.slice(1)
    const accepted = await fetch(`${server.url}/v1/auth/invitations/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ password: 'lea has a long password' }),
    })
    expect(accepted.status).toBe(200)
    expect(((await accepted.json()) as { agent: { name: string; role: string } }).agent).toMatchObject({ name: 'Lea', role: 'l2' })
  } finally {
    await server.close()
  }
})

it("exports one person's reports to a file readable by its owner only, and records it in the audit trail as the CLI user", async () => {
  const apps = await runCli(['apps', 'list'], databaseUrl)
  const appId = /^(app_\S+)\tAcme Notes/m.exec(apps.output)?.[1] ?? ''
  const key = await runCli(['keys', 'create', '--app', appId, '--publishable'], databaseUrl)
  const publishableKey = /publishable key: (pk_\S+)/.exec(key.output)?.[1] ?? ''
  const admin = /: (sk_\S+)/.exec((await runCli(['keys', 'create', '--app', appId, '--role', 'admin'], databaseUrl)).output)?.[1] ?? ''
  const server = await startNodeServer({ ...readNodeConfig({ DATABASE_URL: databaseUrl, PORT: '0' }) })
  try {
    for (const [symptoms, email] of [
      ['Sync drops my notes', 'Lena@Example.com'],
      ['Sharing a notebook fails', 'lena@example.com'],
      ['Search is slow', 'someone@example.com'],
    ]) {
      const report = await fetch(`${server.url}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-triage-key': publishableKey, origin: 'https://notes.acme.example' },
        body: JSON.stringify({ symptoms, contact: { email } }),
      })
      expect(report.status).toBe(201)
    }
    const file = join(folder, 'lena.json')
    const result = await runCli(['reporters', 'export', '--app', appId, '--email', 'lena@example.com', '--to', file], databaseUrl)
    expect(result).toEqual({ code: 0, output: expect.stringContaining(`2 incident(s) of this person exported to ${file}`) })
    const exported = JSON.parse(readFileSync(file, 'utf8')) as ReporterExport
    expect(exported.incidents.map((incident) => incident.symptoms)).toEqual(['Sync drops my notes', 'Sharing a notebook fails'])
    expect(statSync(file).mode & 0o777).toBe(0o600)
    // An existing file is never overwritten, and one person is named once.
    expect((await runCli(['reporters', 'export', '--app', appId, '--email', 'lena@example.com', '--to', file], databaseUrl)).code).toBe(2)
    expect((await runCli(['reporters', 'export', '--app', appId, '--to', join(folder, 'x.json')], databaseUrl)).output).toContain('exactly one of --email and --user-id')

    const trail = (await (
      await fetch(`${server.url}/v1/admin/audit?actor=${encodeURIComponent(`cli:${userInfo().username}`)}`, { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as AuditList
    expect(trail.items.map((entry) => [entry.action, entry.incidentId])).toEqual(exported.incidents.map((incident) => ['reporter.exported', incident.id]).reverse())
  } finally {
    await server.close()
  }
})

it('explains a wrong agent invitation with exit code 2', async () => {
  const appId = /^(app_\S+)/m.exec((await runCli(['apps', 'list'], databaseUrl)).output)?.[1] ?? ''
  for (const [argv, reason] of [
    [['agents', 'invite', '--app', appId, '--email', 'x@example.com', '--role', 'boss'], '--role must be one of'],
    [['agents', 'invite', '--app', appId, '--email', 'not an e-mail', '--role', 'l1'], '--email must be an e-mail address'],
    [['agents', 'invite', '--app', appId, '--role', 'l1'], '--email is required'],
    [['agents', 'invite', '--app', 'app_nope', '--email', 'x@example.com', '--role', 'l1'], 'no app app_nope'],
  ] as const) {
    const result = await runCli([...argv], databaseUrl)
    expect(result.code, argv.join(' ')).toBe(2)
    expect(result.output).toContain(reason)
    expect(result.output).toContain('usage: npm run triage')
  }
  // Two apps exist by now: without --app, it asks which.
  expect((await runCli(['agents', 'invite', '--email', 'x@example.com', '--role', 'l1'], databaseUrl)).output).toContain('say which with --app')
})

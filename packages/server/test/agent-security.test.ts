/**
 * The console's cookie is ambient, so every state-changing request it signs must come from this
 * server's pages (CSRF); and password guessing is throttled per e-mail and per address, across
 * processes (#18). Over real HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Incident, Problem } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readNodeConfig } from '../src/config.ts'
import type { RunningServer } from '../src/node-server.ts'
import { startNodeServer } from '../src/node-server.ts'
import type { SignedIn } from './agent-sessions.ts'
import { asAgent, inviteAndSignUp, postSignIn, signIn } from './agent-sessions.ts'
import type { TestServer } from './harness.ts'
import { postReport, sendAs, startTestServer } from './harness.ts'

describe('cross-site request forgery', () => {
  let server: TestServer
  let ada: SignedIn & { password: string }
  let incidentId: string
  const messages = async () =>
    ((await (await sendAs(server, 'GET', `/v1/incidents/${incidentId}`, server.secretKey)).json()) as Incident).timeline.filter((event) => event.type === 'message')

  beforeAll(async () => {
    server = await startTestServer()
    ada = await inviteAndSignUp(server, server.secretKey, { email: 'ada@example.com', role: 'l1', name: 'Ada' })
    incidentId = ((await (await postReport(server, server.publishableKey, { symptoms: 'The invoice page shows a blank screen' })).json()) as { id: string }).id
  })
  afterAll(() => server.stop())

  const note = JSON.stringify({ body: 'Looking into it', visibility: 'internal' })
  const post = (headers: Record<string, string>, body = note) =>
    fetch(`${server.url}/v1/incidents/${incidentId}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

  it('refuses a cross-site form post that carries the cookie, and changes nothing', async () => {
    const form = await fetch(`${server.url}/v1/incidents/${incidentId}/close`, {
      method: 'POST',
      headers: { cookie: ada.cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'reason=spam',
    })
    expect(form.status).toBe(403)
    expect(((await form.json()) as Problem).code).toBe('forbidden_origin')
    const json = await post({ cookie: ada.cookie, origin: 'https://evil.example' })
    expect(json.status).toBe(403)
    expect(await messages()).toEqual([])
  })

  it('refuses a wrong Origin, a sibling site, and a cookie-signed write with no Origin at all', async () => {
    const sibling = `http://127.0.0.1:${Number(new URL(server.url).port) + 1}`
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: sibling, 'sec-fetch-site': 'same-site' }, { origin: 'null' }, {}]
    for (const headers of attempts) {
      const refused = await post({ cookie: ada.cookie, ...headers })
      expect(refused.status, JSON.stringify(headers)).toBe(403)
    }
    // Even with the right Origin, a browser that says the request is cross-site is refused.
    expect((await post({ cookie: ada.cookie, origin: new URL(server.url).origin, 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect(await messages()).toEqual([])
  })

  it("takes the same request from the server's own pages, a secret key without Origin, and reads without Origin", async () => {
    expect((await post({ cookie: ada.cookie, origin: new URL(server.url).origin, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    expect((await post({ authorization: `Bearer ${server.secretKey}` })).status).toBe(200)
    expect((await fetch(`${server.url}/v1/incidents/${incidentId}`, { headers: { cookie: ada.cookie } })).status).toBe(200)
    expect((await messages()).map((event) => event.actor)).toEqual(['Ada', 'demo admin'])
  })

  it('refuses a sign-in and a sign-out posted from another site', async () => {
    const signInFromElsewhere = await postSignIn(server, { email: 'ada@example.com', password: ada.password }, { origin: 'https://evil.example' })
    expect(signInFromElsewhere.status).toBe(403)
    const signOutFromElsewhere = await fetch(`${server.url}/v1/auth/sign-out`, { method: 'POST', headers: { cookie: ada.cookie, origin: 'https://evil.example' } })
    expect(signOutFromElsewhere.status).toBe(403)
    expect((await asAgent(server, ada, 'GET', '/v1/auth/session')).status).toBe(200)
  })
})

describe('throttling failed sign-ins', () => {
  let clock = Date.parse('2026-12-01T09:00:00Z')
  let server: TestServer
  let ada: SignedIn & { password: string }
  beforeAll(async () => {
    // The address limit is lowered so the test needs a few failures, not twenty (each costs a slow hash).
    server = await startTestServer({ now: () => clock, agentAuth: { signInThrottle: { perAccount: 5, perAddress: 8, windowMs: 15 * 60_000 } } })
    ada = await inviteAndSignUp(server, server.secretKey, { email: 'ada@example.com', role: 'l1', name: 'Ada' })
  })
  afterAll(() => server.stop())

  it('holds an e-mail after 5 failures, even with the right password, until the window ends', async () => {
    for (let i = 0; i < 5; i++) expect((await postSignIn(server, { email: 'ada@example.com', password: `guess number ${i}` })).status).toBe(401)
    const held = await postSignIn(server, { email: 'ada@example.com', password: ada.password })
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('900')
    expect(((await held.json()) as Problem).retryAfter).toBe(900)
    clock += 14 * 60_000
    expect((await postSignIn(server, { email: 'ada@example.com', password: ada.password })).status).toBe(429)
    clock += 60_000
    expect((await postSignIn(server, { email: 'ada@example.com', password: ada.password })).status).toBe(200)
  })

  it('holds an unknown e-mail alike, so the lockout does not tell which e-mails have accounts', async () => {
    for (let i = 0; i < 5; i++) expect((await postSignIn(server, { email: 'nobody@example.com', password: `guess number ${i}` })).status).toBe(401)
    expect((await postSignIn(server, { email: 'nobody@example.com', password: 'guess number 6' })).status).toBe(429)
    clock += 15 * 60_000
  })

  it('holds an address that tries many e-mails', async () => {
    for (let i = 0; i < 8; i++) expect((await postSignIn(server, { email: `person${i}@example.com`, password: 'a guessed password' })).status).toBe(401)
    const held = await postSignIn(server, { email: 'ada@example.com', password: ada.password })
    expect(held.status).toBe(429)
    expect(((await held.json()) as Problem).detail).toContain('Try again in')
    clock += 15 * 60_000
    expect((await signIn(server, 'ada@example.com', ada.password)).session.agent.name).toBe('Ada')
  })
})

describe('throttling across processes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'triage-throttle-'))
  const demoSecretKey = 'sk_throttleTestKey0123456789abcdefABCD'
  const servers: RunningServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()))
    rmSync(folder, { recursive: true, force: true })
  })

  it('counts failures in the database: two servers on one database hold an e-mail together', async () => {
    const config = {
      ...readNodeConfig({ DATABASE_URL: `file:${join(folder, 'triage.db')}`, PORT: '0', TRIAGE_DEMO_SK: demoSecretKey }),
      webhookIntervalMs: 0,
      slaSweepIntervalMs: 0,
      demoAgent: undefined,
    }
    const first = await startNodeServer(config)
    servers.push(first)
    const second = await startNodeServer(config)
    servers.push(second)
    const ada = await inviteAndSignUp(first, demoSecretKey, { email: 'ada@example.com', role: 'l1', name: 'Ada' })
    // Failures alternate between the two processes: 3 + 2 make the 5 that hold the e-mail.
    for (let i = 0; i < 5; i++) expect((await postSignIn(i % 2 === 0 ? first : second, { email: 'ada@example.com', password: `guess ${i} of many` })).status).toBe(401)
    expect((await postSignIn(first, { email: 'ada@example.com', password: ada.password })).status).toBe(429)
    expect((await postSignIn(second, { email: 'ada@example.com', password: ada.password })).status).toBe(429)
  })
})

/**
 * People, not keys (#18), over real HTTP: invitations, passwords, sessions in cookies, sign-out,
 * expiry, disabled accounts, roles, and the person on the record.
 */
import type { Agent, AgentInvitation, AgentSession, ColleagueList, Incident, IncidentList, InvitationInfo, Problem } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asAgent, inviteAndSignUp, postSignIn, sessionCookieOf, signIn, tokenOf } from './agent-sessions.ts'
import type { TestServer } from './harness.ts'
import { postReport, sendAs, startTestServer } from './harness.ts'

let server: TestServer
let clock = Date.parse('2026-12-01T09:00:00Z')

beforeAll(async () => {
  server = await startTestServer({ now: () => clock })
})
afterAll(() => server.stop())

const hour = 3_600_000

describe('invitations', () => {
  it('an admin invites, the person opens the one-time link, sets a password and is signed in', async () => {
    const invited = await sendAs(server, 'POST', '/v1/admin/agents', server.secretKey, { email: 'Ada@Example.com', role: 'l2' })
    expect(invited.status).toBe(201)
    const invitation = (await invited.json()) as AgentInvitation
    expect(invitation.agent).toMatchObject({ email: 'ada@example.com', role: 'l2', status: 'invited', name: '', appId: 'app_demo' })
    // The token is in the fragment: it never reaches a server log or a Referer.
    expect(invitation.inviteUrl).toMatch(new RegExp(`^${server.url}/console/invitation#inv_[\\w-]{43}$`))
    expect(Date.parse(invitation.expiresAt) - clock).toBe(7 * 24 * hour)

    const token = tokenOf(invitation)
    const info = await fetch(`${server.url}/v1/auth/invitations/${token}`)
    expect(info.status).toBe(200)
    expect((await info.json()) as InvitationInfo).toMatchObject({ email: 'ada@example.com', name: '', role: 'l2', appName: 'Demo app' })

    // The admin gave no name: the person must give one.
    const origin = new URL(server.url).origin
    const accept = (body: unknown) =>
      fetch(`${server.url}/v1/auth/invitations/${token}`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) })
    const nameless = await accept({ password: 'a long enough password' })
    expect(nameless.status).toBe(422)
    const short = await accept({ name: 'Ada', password: 'short' })
    expect(short.status).toBe(422)
    expect(((await short.json()) as Problem).errors?.[0]?.path).toBe('password')

    const accepted = await accept({ name: 'Ada', password: 'a long enough password' })
    expect(accepted.status).toBe(200)
    const session = (await accepted.json()) as AgentSession
    expect(session.agent).toMatchObject({ email: 'ada@example.com', name: 'Ada', role: 'l2', appId: 'app_demo', appName: 'Demo app' })
    const cookie = sessionCookieOf(accepted)
    expect(cookie?.cookie).toMatch(/^triage_session=ses_[\w-]{43}$/)
    expect(cookie?.attributes).toBe('Max-Age=43200; Path=/; HttpOnly; Secure; SameSite=Strict')
    expect(accepted.headers.get('cache-control')).toBe('no-store')

    // Signed in: the agent API takes the cookie.
    const list = await fetch(`${server.url}/v1/incidents`, { headers: { cookie: cookie?.cookie ?? '' } })
    expect(list.status).toBe(200)
    // One time: the link is used up.
    expect((await accept({ name: 'Mallory', password: 'another long password' })).status).toBe(404)
    expect((await fetch(`${server.url}/v1/auth/invitations/${token}`)).status).toBe(404)
    // And the password signs in.
    expect((await signIn(server, 'ada@example.com', 'a long enough password')).session.agent.name).toBe('Ada')
  })

  it('refuses an expired link, and a new link replaces the old one (a password reset)', async () => {
    const invited = (await (await sendAs(server, 'POST', '/v1/admin/agents', server.secretKey, { email: 'bo@example.com', role: 'l1', name: 'Bo' })).json()) as AgentInvitation
    clock += 8 * 24 * hour
    try {
      expect((await fetch(`${server.url}/v1/auth/invitations/${tokenOf(invited)}`)).status).toBe(404)
      const again = await sendAs(server, 'POST', `/v1/admin/agents/${invited.agent.id}/invitation`, server.secretKey)
      expect(again.status).toBe(201)
      const fresh = (await again.json()) as AgentInvitation
      expect(tokenOf(fresh)).not.toBe(tokenOf(invited))
      expect((await fetch(`${server.url}/v1/auth/invitations/${tokenOf(fresh)}`)).status).toBe(200)
    } finally {
      clock -= 8 * 24 * hour
    }
  })

  it('an e-mail has one account per app, and only admins invite', async () => {
    const twice = await sendAs(server, 'POST', '/v1/admin/agents', server.secretKey, { email: 'ADA@example.com', role: 'l1' })
    expect(twice.status).toBe(409)
    expect(((await twice.json()) as Problem).detail).toMatch(/already has an account .*POST \/v1\/admin\/agents\/agt_\S+\/invitation/)
    const l2 = await signIn(server, 'ada@example.com', 'a long enough password')
    const refused = await asAgent(server, l2, 'POST', '/v1/admin/agents', { email: 'eve@example.com', role: 'admin' })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as Problem).detail).toContain('Your role is l2')
  })
})

describe('signing in and out', () => {
  it('a wrong password and an unknown e-mail get the same 401', async () => {
    const wrong = await postSignIn(server, { email: 'ada@example.com', password: 'not her password' })
    const unknown = await postSignIn(server, { email: 'nobody@example.com', password: 'not her password' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(await wrong.json()).toEqual(await unknown.json())
    expect(sessionCookieOf(wrong)).toBeUndefined()
  })

  it('an invited person who has not set a password cannot sign in', async () => {
    await sendAs(server, 'POST', '/v1/admin/agents', server.secretKey, { email: 'cy@example.com', role: 'l1', name: 'Cy' })
    expect((await postSignIn(server, { email: 'cy@example.com', password: '' })).status).toBe(422)
    expect((await postSignIn(server, { email: 'cy@example.com', password: 'anything at all here' })).status).toBe(401)
  })

  it('GET /v1/auth/session says who is signed in; sign-out ends the session for good', async () => {
    const ada = await signIn(server, 'ada@example.com', 'a long enough password')
    const session = await fetch(`${server.url}/v1/auth/session`, { headers: { cookie: ada.cookie } })
    expect(session.status).toBe(200)
    expect(((await session.json()) as AgentSession).agent.email).toBe('ada@example.com')

    const out = await asAgent(server, ada, 'POST', '/v1/auth/sign-out')
    expect(out.status).toBe(204)
    expect(sessionCookieOf(out)?.attributes).toMatch(/Max-Age=0/)
    // The stored session is gone: replaying the old cookie opens nothing.
    const after = await fetch(`${server.url}/v1/incidents`, { headers: { cookie: ada.cookie } })
    expect(after.status).toBe(401)
    expect(((await after.json()) as Problem).code).toBe('session_expired')
    expect((await fetch(`${server.url}/v1/auth/session`, { headers: { cookie: ada.cookie } })).status).toBe(401)
  })

  it('a session ends after 12 hours', async () => {
    const ada = await signIn(server, 'ada@example.com', 'a long enough password')
    expect(Date.parse(ada.session.expiresAt) - clock).toBe(12 * hour)
    clock += 12 * hour - 1_000
    try {
      expect((await fetch(`${server.url}/v1/incidents`, { headers: { cookie: ada.cookie } })).status).toBe(200)
      clock += 2_000
      const expired = await fetch(`${server.url}/v1/incidents`, { headers: { cookie: ada.cookie } })
      expect(expired.status).toBe(401)
      expect(((await expired.json()) as Problem).code).toBe('session_expired')
      expect(expired.headers.getSetCookie().join()).toMatch(/triage_session=; Max-Age=0/)
    } finally {
      clock -= 12 * hour + 1_000
    }
  })

  it('a disabled agent is signed out at once and cannot sign in; enabled again, they can', async () => {
    const dee = await inviteAndSignUp(server, server.secretKey, { email: 'dee@example.com', role: 'l1', name: 'Dee' })
    const disabled = await sendAs(server, 'PATCH', `/v1/admin/agents/${dee.session.agent.id}`, server.secretKey, { disabled: true })
    expect(disabled.status).toBe(200)
    expect(((await disabled.json()) as Agent).status).toBe('disabled')
    expect((await fetch(`${server.url}/v1/incidents`, { headers: { cookie: dee.cookie } })).status).toBe(401)
    const again = await postSignIn(server, { email: 'dee@example.com', password: dee.password })
    expect(again.status).toBe(401)
    expect(((await again.json()) as Problem).code).toBe('invalid_credentials')

    await sendAs(server, 'PATCH', `/v1/admin/agents/${dee.session.agent.id}`, server.secretKey, { disabled: false })
    expect((await postSignIn(server, { email: 'dee@example.com', password: dee.password })).status).toBe(200)
  })

  it('an admin agent manages accounts from a session, but cannot disable or demote themselves', async () => {
    const boss = await inviteAndSignUp(server, server.secretKey, { email: 'boss@example.com', role: 'admin', name: 'Boss' })
    const list = await asAgent(server, boss, 'GET', '/v1/admin/agents')
    expect(list.status).toBe(200)
    expect(((await list.json()) as { items: Agent[] }).items.map((agent) => agent.email)).toContain('ada@example.com')
    expect((await asAgent(server, boss, 'PATCH', `/v1/admin/agents/${boss.session.agent.id}`, { disabled: true })).status).toBe(409)
    expect((await asAgent(server, boss, 'PATCH', `/v1/admin/agents/${boss.session.agent.id}`, { role: 'l1' })).status).toBe(409)
    // A new role applies to the next request.
    const cy = await inviteAndSignUp(server, server.secretKey, { email: 'cyd@example.com', role: 'l1', name: 'Cyd' })
    expect((await asAgent(server, boss, 'PATCH', `/v1/admin/agents/${cy.session.agent.id}`, { role: 'l3' })).status).toBe(200)
    expect(((await (await asAgent(server, cy, 'GET', '/v1/auth/session')).json()) as AgentSession).agent.role).toBe('l3')
  })
})

describe('the person on the record', () => {
  it('what a signed-in agent does is recorded under their name, and colleagues are listed by name', async () => {
    const created = await postReport(server, server.publishableKey, { symptoms: 'The export to PDF button does nothing at all' })
    const { id } = (await created.json()) as { id: string }
    const ada = await signIn(server, 'ada@example.com', 'a long enough password')
    const escalated = await asAgent(server, ada, 'POST', `/v1/incidents/${id}/escalate`, { tier: 'L2', reason: 'Needs the export service team' })
    expect(escalated.status).toBe(200)
    const incident = (await escalated.json()) as Incident
    expect(incident.timeline.find((event) => event.type === 'escalated')).toMatchObject({ actor: 'Ada', data: { from: 'L1', tier: 'L2' } })

    // "Assign to me" with the agent's id; the directory gives the name.
    const assigned = await asAgent(server, ada, 'PATCH', `/v1/incidents/${id}`, { assignee: ada.session.agent.id })
    expect(assigned.status).toBe(200)
    const colleagues = (await (await asAgent(server, ada, 'GET', '/v1/agents')).json()) as ColleagueList
    expect(colleagues.items).toContainEqual({ id: ada.session.agent.id, name: 'Ada', role: 'l2' })
    expect(colleagues.items.map((agent) => agent.name)).not.toContain('Cy') // invited, never signed up (cy@)
    // An agent id must be an active agent of this app.
    const ghost = await asAgent(server, ada, 'PATCH', `/v1/incidents/${id}`, { assignee: 'agt_0000000000nobody' })
    expect(ghost.status).toBe(422)
    const mine = (await (await asAgent(server, ada, 'GET', '/v1/incidents?view=mine')).json()) as IncidentList
    expect(mine.items.map((item) => item.id)).toEqual([id])
  })
})

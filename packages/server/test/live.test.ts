/**
 * The console's live feed over real HTTP (#18): changes arrive without reload, tickets of other
 * tiers and apps never do (neither as changes nor as presence), presence comes and goes.
 */
import type { IncidentPresence, IncidentSummary, ReportCreated } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from './agent-sessions.ts'
import { asAgent, inviteAndSignUp } from './agent-sessions.ts'
import type { ServerEvent, TestServer } from './harness.ts'
import { createOtherApp, events, postReport, sendAs, startTestServer } from './harness.ts'

let offset = 0
let server: TestServer
let lea: SignedIn // l1
let sam: SignedIn // l2
let boss: SignedIn // admin

beforeAll(async () => {
  server = await startTestServer({ now: () => Date.now() + offset })
  lea = await inviteAndSignUp(server, server.secretKey, { email: 'lea@example.com', role: 'l1', name: 'Lea' })
  sam = await inviteAndSignUp(server, server.secretKey, { email: 'sam@example.com', role: 'l2', name: 'Sam' })
  boss = await inviteAndSignUp(server, server.secretKey, { email: 'boss@example.com', role: 'admin', name: 'Boss' })
})
afterAll(() => server.stop())

/** An open event stream: every event received so far, and a way to wait for one. */
interface Stream {
  received: ServerEvent[]
  next(predicate: (event: ServerEvent) => boolean): Promise<ServerEvent>
  close(): void
}

async function openStream(agent: SignedIn, headers: Record<string, string> = {}): Promise<Stream> {
  const controller = new AbortController()
  const response = await fetch(`${server.url}/v1/incidents/events`, { headers: { cookie: agent.cookie, ...headers }, signal: controller.signal })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const received: ServerEvent[] = []
  const waiters: { predicate: (event: ServerEvent) => boolean; resolve: (event: ServerEvent) => void }[] = []
  void (async () => {
    try {
      for await (const event of events(response)) {
        received.push(event)
        for (const waiter of [...waiters]) {
          if (waiter.predicate(event)) {
            waiters.splice(waiters.indexOf(waiter), 1)
            waiter.resolve(event)
          }
        }
      }
    } catch {
      // closed by the test
    }
  })()
  return {
    received,
    next: (predicate) =>
      new Promise((resolve, reject) => {
        const seen = received.find(predicate)
        if (seen) return resolve(seen)
        waiters.push({ predicate, resolve })
        setTimeout(() => reject(new Error(`no such event within 8 s; got: ${received.map((event) => event.event).join(', ')}`)), 8_000)
      }),
    close: () => controller.abort(),
  }
}

const isIncident = (id: string) => (event: ServerEvent) => event.event === 'incident' && (JSON.parse(event.data) as IncidentSummary).id === id
const mentions = (id: string) => (event: ServerEvent) => event.data.includes(id)
const isPresence =
  (id: string, test: (presence: IncidentPresence) => boolean = () => true) =>
  (event: ServerEvent) =>
    event.event === 'presence' && (JSON.parse(event.data) as IncidentPresence).incidentId === id && test(JSON.parse(event.data) as IncidentPresence)

async function report(symptoms: string, key = server.publishableKey): Promise<ReportCreated> {
  return (await (await postReport(server, key, { symptoms })).json()) as ReportCreated
}

describe('the incident stream', () => {
  it('brings a new ticket and each change of it, as the list shows them', async () => {
    const stream = await openStream(sam)
    try {
      const created = await report('The reports page never finishes loading')
      const first = JSON.parse((await stream.next(isIncident(created.id))).data) as IncidentSummary
      expect(first).toMatchObject({ id: created.id, number: created.number, status: 'new', tier: 'L1', assignee: null })
      await asAgent(server, sam, 'PATCH', `/v1/incidents/${created.id}`, { assignee: sam.session.agent.id })
      const assigned = await stream.next((event) => isIncident(created.id)(event) && (JSON.parse(event.data) as IncidentSummary).assignee !== null)
      expect(JSON.parse(assigned.data)).toMatchObject({ assignee: sam.session.agent.id, status: 'in_progress' })
      expect(Number(assigned.id)).toBeGreaterThan(0)
    } finally {
      stream.close()
    }
  })

  it("never shows an l1 agent an L3 ticket or another app's, and tells them when one of theirs is escalated away", async () => {
    const other = await createOtherApp(server)
    const stream = await openStream(lea)
    const samStream = await openStream(sam)
    try {
      const secret = await report('Someone logged into my account without my permission and changed my email')
      const theirs = await report('Their app has a problem too', other.publishableKey)
      const mine = await report('The help page has a typo in the title')
      // Changes arrive in order: had the L3 or the other app's ticket been sent, it would be before this one.
      await stream.next(isIncident(mine.id))
      expect(stream.received.filter(mentions(secret.id))).toEqual([])
      expect(stream.received.filter(mentions(theirs.id))).toEqual([])

      await sendAs(server, 'POST', `/v1/incidents/${mine.id}/escalate`, server.secretKey, { tier: 'L2', reason: 'wording needs the docs team' })
      const removed = await stream.next((event) => event.event === 'incident_removed')
      expect(JSON.parse(removed.data)).toEqual({ id: mine.id, reason: 'escalated' })
      const atL2 = await samStream.next((event) => isIncident(mine.id)(event) && (JSON.parse(event.data) as IncidentSummary).tier === 'L2')
      expect(atL2.event).toBe('incident')

      // Later changes of the escalated ticket say nothing to Lea, not even that it changed.
      await sendAs(server, 'POST', `/v1/incidents/${mine.id}/messages`, server.secretKey, { body: 'On it', visibility: 'internal' })
      const marker = await report('The footer links are broken')
      await stream.next(isIncident(marker.id))
      expect(stream.received.filter(mentions(mine.id)).map((event) => event.event)).toEqual(['incident', 'incident_removed'])
      expect(stream.received.filter(mentions(secret.id))).toEqual([])
    } finally {
      stream.close()
      samStream.close()
    }
  })

  it('resumes after a reconnection from the Last-Event-ID, missing nothing', async () => {
    const stream = await openStream(sam)
    const before = await report('The logo is blurry on retina screens')
    const seen = await stream.next(isIncident(before.id))
    stream.close()
    const missed = await report('The logo is missing on the login page')
    const resumed = await openStream(sam, { 'last-event-id': seen.id ?? '' })
    try {
      await resumed.next(isIncident(missed.id))
    } finally {
      resumed.close()
    }
  })
})

describe('presence', () => {
  it('shows who has a ticket open and who types, to those who may see it, and forgets who left or went quiet', async () => {
    const ticket = await report('The settings page forgets my time zone')
    const secret = await report('I think my account was hacked, there are logins from another country')
    const leaStream = await openStream(lea)
    const samStream = await openStream(sam)
    try {
      // Boss opens the L3 ticket first, then the L1 one: Lea sees only the second.
      expect((await asAgent(server, boss, 'POST', `/v1/incidents/${secret.id}/presence`, { typing: false })).status).toBe(200)
      const opened = await asAgent(server, sam, 'POST', `/v1/incidents/${ticket.id}/presence`, { typing: false })
      expect(opened.status).toBe(200)
      expect(((await opened.json()) as IncidentPresence).viewers).toEqual([expect.objectContaining({ id: sam.session.agent.id, name: 'Sam', typing: false })])
      await leaStream.next(isPresence(ticket.id, (presence) => presence.viewers.some((viewer) => viewer.name === 'Sam')))
      expect(leaStream.received.filter(mentions(secret.id))).toEqual([])
      // An l1 agent cannot even say they are on an L3 ticket.
      expect((await asAgent(server, lea, 'POST', `/v1/incidents/${secret.id}/presence`, { typing: false })).status).toBe(404)

      // Lea opens it too and starts typing: Sam sees both of them, Lea typing.
      const both = await asAgent(server, lea, 'POST', `/v1/incidents/${ticket.id}/presence`, { typing: true })
      expect(((await both.json()) as IncidentPresence).viewers.map((viewer) => [viewer.name, viewer.typing])).toEqual([
        ['Sam', false],
        ['Lea', true],
      ])
      await samStream.next(isPresence(ticket.id, (presence) => presence.viewers.some((viewer) => viewer.name === 'Lea' && viewer.typing)))

      // Lea closes the ticket: only Sam is left.
      expect((await asAgent(server, lea, 'DELETE', `/v1/incidents/${ticket.id}/presence`)).status).toBe(204)
      await samStream.next(isPresence(ticket.id, (presence) => presence.viewers.length === 1 && presence.viewers[0]?.name === 'Sam'))
      // Sam goes quiet (no heartbeat for over 30 s): nobody is left.
      offset += 31_000
      await leaStream.next(isPresence(ticket.id, (presence) => presence.viewers.length === 0))
    } finally {
      leaStream.close()
      samStream.close()
    }
  })
})

describe('stream caps', () => {
  it('holds one agent to 10 live streams at once, and a closed one frees its slot', async () => {
    const open = await Promise.all(Array.from({ length: 10 }, () => openStream(lea)))
    try {
      const refused = await fetch(`${server.url}/v1/incidents/events`, { headers: { cookie: lea.cookie } })
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('5')
      expect(((await refused.json()) as { code: string }).code).toBe('too_many_streams')
      // Another agent is not held by Lea's streams.
      const other = await openStream(sam)
      other.close()
      open.pop()?.close()
      await expect
        .poll(
          async () => {
            const controller = new AbortController()
            const again = await fetch(`${server.url}/v1/incidents/events`, { headers: { cookie: lea.cookie }, signal: controller.signal })
            controller.abort()
            return again.status
          },
          { timeout: 8_000 },
        )
        .toBe(200)
    } finally {
      for (const stream of open) stream.close()
    }
  })
})

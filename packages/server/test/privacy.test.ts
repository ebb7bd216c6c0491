import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { AttachmentCreated, AuditEntry, AuditList, DiagnosticsResult, ErasureResult, Incident, IncidentList, Metrics, ReportCreated, ReporterExport } from '@triage/protocol'
import { reportSignature } from '@triage/engine'
import { dispatchWebhooks } from '../src/jobs/webhook-dispatch.ts'
import { teachGrouping } from '../src/grouping/lessons.ts'
import { tinyPng } from './fixtures/images.ts'
import type { TestServer } from './harness.ts'
import { createAgentKey, events, expectProblem, getAs, postReport, sendAs, startTestServer, uploadFile } from './harness.ts'
import { asAgent, inviteAndSignUp } from './agent-sessions.ts'

// Issue #19 over HTTP: one person's export holds exactly their incidents, complete; after their
// erasure no read route gives back anything they wrote, while another reporter is untouched and
// the metrics do not move; the audit trail says who did what.

const minute = 60_000
let clock = Date.parse('2026-12-01T09:00:00Z')
let server: TestServer
let receiver: Server
let receiverUrl: string
const delivered: string[] = []
let officer: string
let reader: string

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      delivered.push(body)
      response.statusCode = 204
      response.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
  server = await startTestServer({ now: () => clock, rateLimitPerMinute: 0 })
  officer = await createAgentKey(server, 'admin', 'Privacy officer')
  reader = await createAgentKey(server, 'l3', 'Sam (L3)')
})
afterAll(async () => {
  await server.stop()
  await new Promise((resolve) => receiver.close(resolve))
})

/** What Quixana wrote or left anywhere: none of it may come back after her erasure. */
const erasedStrings = ['Zorblatt', 'zorblatt', 'quixana', 'Quixana', 'ZB-99817', 'ZorbBrowser', 'pay-button-7', 'order 5521', 'zorblatt-id.png', 'Wendelstein']
/** Bartholomew's: all of it stays. */
const keptStrings = ['Bartholomew', 'bartholomew@example.com', 'Keel']

const quixana = {
  first: {
    symptoms: 'The checkout page fails with error 502 when Zorblatt pays for order 5521',
    contact: { name: 'Quixana Zorblatt', email: 'quixana@example.com' },
    answers: { impact: 'me', workaround: 'no', bug_error_text: 'Gateway says Wendelstein declined' },
    context: {
      url: 'https://shop.example/checkout?customer=zorblatt',
      userAgent: 'ZorbBrowser/9.1',
      locale: 'en-GB',
      appVersion: '4.2.0',
      breadcrumbs: [{ at: '2026-12-01T08:59:00.000Z', type: 'click' as const, message: 'clicked pay-button-7' }],
    },
  },
  second: {
    symptoms: "The invoices export is empty for Zorblatt's account since Monday",
    // Another spelling of the same address: an e-mail is compared without case.
    contact: { email: 'Quixana@Example.com' },
  },
}
const bartholomew = {
  symptoms: 'The checkout page fails with error 502 when Bartholomew pays for his order',
  contact: { name: 'Bartholomew Keel', email: 'bartholomew@example.com' },
}

async function file(body: object): Promise<ReportCreated> {
  const response = await postReport(server, server.publishableKey, body as never)
  expect(response.status).toBe(201)
  return (await response.json()) as ReportCreated
}
const ticket = async (id: string, key = server.secretKey) => (await (await getAs(server, `/v1/incidents/${id}`, key)).json()) as Incident
const list = async (query = '') => (await getAs(server, `/v1/incidents?limit=200${query}`, server.secretKey)).text()
const audit = async (query = '') => (await (await getAs(server, `/v1/admin/audit?limit=200${query}`, server.secretKey)).json()) as AuditList
const metrics = async () => (await getAs(server, `/v1/metrics?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z`, server.secretKey)).json() as Promise<Metrics>

function expectNoneOf(text: string, strings: readonly string[], where: string): void {
  expect([where, strings.filter((one) => text.includes(one))]).toEqual([where, []])
}

describe("a person's export and erasure", () => {
  let first: ReportCreated
  let second: ReportCreated
  let third: ReportCreated
  let attachment: AttachmentCreated
  let metricsBefore: Metrics

  it('files two reports under one e-mail (one with a file and a conversation) and one under another', async () => {
    const hook = await sendAs(server, 'POST', '/v1/admin/webhooks', server.secretKey, { url: receiverUrl })
    expect(hook.status).toBe(201)
    first = await file(quixana.first)
    clock += minute
    second = await file(quixana.second)
    clock += minute
    third = await file(bartholomew)
    const uploaded = await uploadFile(server, second.id, second.reporterToken, { bytes: tinyPng(), name: 'zorblatt-id.png', type: 'image/png' })
    expect(uploaded.status).toBe(201)
    attachment = (await uploaded.json()) as AttachmentCreated
    clock += minute
    expect(
      (
        await sendAs(server, 'POST', `/v1/incidents/${second.id}/messages`, server.secretKey, {
          body: 'Thanks Quixana, which account is it?',
          visibility: 'public',
          awaitReporter: true,
        })
      ).status,
    ).toBe(200)
    expect(
      (await sendAs(server, 'POST', `/v1/incidents/${second.id}/messages`, server.secretKey, { body: 'Export job logs checked: empty result set', visibility: 'internal' })).status,
    ).toBe(200)
    const answered = await fetch(`${server.url}/v1/reports/${second.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.reporterToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'My account number is ZB-99817' }),
    })
    expect(answered.status).toBe(200)
    // The first is resolved with a public note: it deflects like reports, and is similar to the third.
    expect(
      (await sendAs(server, 'POST', `/v1/incidents/${first.id}/resolve`, server.secretKey, { resolution: 'Gateway timeout raised', publicNote: 'Fixed: please pay again.' }))
        .status,
    ).toBe(200)
    // What the classifier and grouping learn from the first report.
    expect((await sendAs(server, 'PATCH', `/v1/incidents/${first.id}`, server.secretKey, { category: 'billing' })).status).toBe(200)
    await teachGrouping(server.services, 'app_demo', (lessons) =>
      lessons.learnApart(
        reportSignature({ text: quixana.first.symptoms, url: quixana.first.context.url }).features,
        reportSignature({ text: 'Video calls drop after a few seconds' }).features,
        clock,
      ),
    )
  })

  it('exports exactly her two incidents, complete: words, answers, contact, context, public timeline and files', async () => {
    const response = await getAs(server, `/v1/admin/reporters/export?email=${encodeURIComponent('QUIXANA@example.com')}`, officer)
    expect(response.status).toBe(200)
    const exported = (await response.json()) as ReporterExport
    expect(exported).toMatchObject({ subject: { email: 'QUIXANA@example.com' }, app: { id: 'app_demo' }, nextCursor: null })
    expect(exported.incidents.map((incident) => incident.id)).toEqual([first.id, second.id])
    const [one, two] = exported.incidents
    expect(one).toMatchObject({ number: first.number, symptoms: quixana.first.symptoms, contact: quixana.first.contact, answers: quixana.first.answers, status: 'resolved' })
    expect(one?.context).toMatchObject({ url: quixana.first.context.url, userAgent: 'ZorbBrowser/9.1', breadcrumbs: quixana.first.context.breadcrumbs })
    expect(one?.timeline.at(-1)).toMatchObject({ type: 'resolved', body: 'Fixed: please pay again.' })
    expect(two).toMatchObject({ symptoms: quixana.second.symptoms, contact: quixana.second.contact })
    const messages = two?.timeline.filter((event) => event.type === 'message')
    expect(messages).toEqual([
      { type: 'message', at: expect.any(String), author: 'agent', body: 'Thanks Quixana, which account is it?' },
      { type: 'message', at: expect.any(String), author: 'reporter', body: 'My account number is ZB-99817' },
    ])
    // Agents' internal notes are the organisation's, not hers.
    expect(JSON.stringify(exported)).not.toContain('Export job logs checked')
    expect(two?.attachments).toEqual([{ ...attachment, createdAt: expect.any(String), href: `/v1/incidents/${second.id}/attachments/${attachment.id}` }])
    const download = await getAs(server, two?.attachments[0]?.href ?? '', officer)
    expect(download.status).toBe(200)
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(tinyPng())
    expect(JSON.stringify(exported)).not.toContain('Bartholomew')
  })

  it('exports by verified user id too, and answers 400 to neither or both', async () => {
    const none = (await (await getAs(server, '/v1/admin/reporters/export?userId=nobody', officer)).json()) as ReporterExport
    expect(none.incidents).toEqual([])
    await expectProblem(await getAs(server, '/v1/admin/reporters/export', officer), 400, 'validation_failed')
    await expectProblem(await getAs(server, '/v1/admin/reporters/export?email=a@example.com&userId=u', officer), 400, 'validation_failed')
    await expectProblem(await getAs(server, '/v1/admin/reporters/export?email=a@example.com&cursor=bogus', officer), 400, 'validation_failed')
  })

  it('erases her two incidents and nothing of the third', async () => {
    // Read routes that show her data, before: so the checks after are not vacuous.
    expect(await list('&q=zorblatt')).toContain(first.id)
    expect((await ticket(third.id)).similar.map((similar) => similar.id)).toContain(first.id)
    const deflection = (await (
      await fetch(`${server.url}/v1/diagnostics?symptoms=${encodeURIComponent('checkout page fails with error 502 when paying')}`, {
        headers: { 'x-triage-key': server.publishableKey },
      })
    ).json()) as DiagnosticsResult
    expect(deflection.similar.map((similar) => similar.number)).toContain(first.number)
    metricsBefore = await metrics()

    clock += minute
    const response = await sendAs(server, 'POST', '/v1/admin/reporters/erase', officer, { email: 'quixana@EXAMPLE.com' })
    expect(response.status).toBe(200)
    expect((await response.json()) as ErasureResult).toEqual({ incidents: 2 })
  })

  it('gives back none of what she wrote on any read route, and keeps what metrics need', async () => {
    for (const id of [first.id, second.id]) {
      const erased = await ticket(id, reader)
      expectNoneOf(JSON.stringify(erased), erasedStrings, `the ticket ${erased.number}`)
      expect(erased).toMatchObject({ symptoms: '[erased]', erasedAt: new Date(clock).toISOString(), attachments: [], similar: [] })
      expect(erased.contact).not.toHaveProperty('email')
    }
    const one = await ticket(first.id)
    expect(one).toMatchObject({
      number: first.number,
      category: 'billing',
      priority: first.priority,
      status: 'resolved',
      resolution: 'Gateway timeout raised',
      publicNote: 'Fixed: please pay again.',
      contact: { name: '[erased]' },
    })
    expect(one.answers).toEqual({ impact: 'me', workaround: 'no', bug_error_text: '[erased]' })
    expect(one.context).toEqual({ url: '[erased]', userAgent: '[erased]', locale: 'en-GB', appVersion: '4.2.0' })
    const two = await ticket(second.id)
    expect(two.timeline.find((event) => event.visibility === 'internal' && event.type === 'message')?.data['body']).toBe('Export job logs checked: empty result set')
    expect(two.timeline.filter((event) => event.type === 'erased')).toEqual([
      expect.objectContaining({ actor: 'Privacy officer', visibility: 'internal', data: { reason: 'request' } }),
    ])

    const listed = await list()
    expectNoneOf(listed, erasedStrings, 'the list')
    for (const kept of keptStrings) expect(listed).toContain(kept)
    for (const word of ['zorblatt', 'quixana', 'ZB-99817', 'Wendelstein']) expectNoneOf(await list(`&q=${encodeURIComponent(word)}`), erasedStrings, `a search for ${word}`)
    expect(JSON.parse(await list('&q=zorblatt')).items).toEqual([])
    expect((JSON.parse(await list('&q=bartholomew')) as IncidentList).items.map((item) => item.id)).toEqual([third.id])

    const kept = await ticket(third.id)
    for (const word of keptStrings) expect(JSON.stringify(kept)).toContain(word)
    expect(kept.similar.map((similar) => similar.id)).not.toContain(first.id)
    const deflection = await (
      await fetch(`${server.url}/v1/diagnostics?symptoms=${encodeURIComponent('checkout page fails with error 502 when paying')}`, {
        headers: { 'x-triage-key': server.publishableKey },
      })
    ).text()
    expect((JSON.parse(deflection) as DiagnosticsResult).similar.map((similar) => similar.number)).not.toContain(first.number)
    expectNoneOf(deflection, erasedStrings, 'diagnostics')

    // The metrics read numbers, categories, priorities, tiers and times only: not one figure moves.
    expect(await metrics()).toEqual(metricsBefore)
  })

  it('takes her file away, and her report from her own token (410) and from the live stream', async () => {
    await expectProblem(await getAs(server, `/v1/incidents/${second.id}/attachments/${attachment.id}`, server.secretKey), 404, 'not_found')
    await expectProblem(await getAs(server, `/v1/reports/${second.id}`, second.reporterToken), 410, 'erased')
    await expectProblem(await fetch(`${server.url}/v1/reports/${second.id}/events?token=${second.reporterToken}`), 410, 'erased')
    const write = await fetch(`${server.url}/v1/reports/${second.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.reporterToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Zorblatt again' }),
    })
    await expectProblem(write, 410, 'erased')
    const upload = await uploadFile(server, first.id, first.reporterToken, { bytes: tinyPng(), name: 'again.png', type: 'image/png' })
    await expectProblem(upload, 410, 'erased')
    const chunks = await server.db.all<{ count: number }>(sql`select count(*) as count from attachment_chunks`)
    expect(chunks).toEqual([{ count: 0 }])
  })

  it('sends webhooks without her words, pending deliveries included, and tells integrations incident.erased', async () => {
    await dispatchWebhooks(server.services, { allowPrivateNetworks: true })
    const payloads = delivered.join('\n')
    expect(delivered.length).toBeGreaterThan(5)
    expectNoneOf(payloads, erasedStrings, 'webhook payloads')
    expect(delivered.filter((body) => (JSON.parse(body) as { type: string }).type === 'incident.erased')).toHaveLength(2)
    // Nothing stored still holds her words, anywhere in the database.
    const stored = await server.db.all<{ payload: string }>(sql`select payload from webhook_deliveries`)
    expectNoneOf(JSON.stringify(stored), erasedStrings, 'stored deliveries')
  })

  it('leaves nothing of her words in the classifier, grouping or any table', async () => {
    const tables = ['incidents', 'incident_events', 'webhook_deliveries', 'classifier_states', 'grouping_states', 'attachments', 'audit_entries', 'erasure_jobs']
    for (const table of tables) {
      const rows = await server.db.all(sql.raw(`select * from ${table}`))
      expectNoneOf(JSON.stringify(rows), erasedStrings, table)
    }
    const [lessons] = await server.db.all<{ state: string }>(sql`select state from grouping_states where app_id = 'app_demo'`)
    // Grouping keeps the lesson's outage concepts, without her words.
    expect(lessons?.state).toMatch(/"#/)
    expect(lessons?.state).not.toMatch(/"(?:zorblatt|5521|@\/checkout)"/)
  })

  it('is idempotent: erasing her again erases nothing more and changes nothing', async () => {
    const before = await ticket(first.id)
    const again = await sendAs(server, 'POST', '/v1/admin/reporters/erase', officer, { email: 'quixana@example.com' })
    expect(await again.json()).toEqual({ incidents: 0 })
    const after = await ticket(first.id)
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(after.timeline.filter((event) => event.type === 'erased')).toHaveLength(1)
    await expectProblem(await sendAs(server, 'POST', '/v1/admin/reporters/erase', officer, {}), 422, 'validation_failed')
    await expectProblem(await sendAs(server, 'POST', '/v1/admin/reporters/erase', officer, { email: 'a@example.com', userId: 'u1' }), 422, 'validation_failed')
    await expectProblem(await sendAs(server, 'POST', '/v1/admin/reporters/erase', reader, { email: 'a@example.com' }), 403, 'forbidden')
  })

  it('holds the export, the erasure and the ticket reads in the audit trail, with who did them, and never her address', async () => {
    const trail = await audit()
    const actions = (action: AuditEntry['action']) => trail.items.filter((entry) => entry.action === action)
    expect(actions('reporter.exported').map((entry) => [entry.actor.name, entry.incidentId])).toEqual(
      expect.arrayContaining([
        ['Privacy officer', first.id],
        ['Privacy officer', second.id],
      ]),
    )
    const exported = actions('reporter.exported').find((entry) => entry.incidentId === first.id)
    expect(exported?.subject).toEqual({ kind: 'email', digest: expect.stringMatching(/^[0-9a-f]{64}$/), hint: 'q…@example.com' })
    const requested = actions('reporter.erasure_requested')
    expect(requested.map((entry) => [entry.actor.name, entry.details['incidents']])).toEqual([
      ['Privacy officer', 0],
      ['Privacy officer', 2],
    ])
    // The same person, the same digest: who was erased can be matched with who was exported.
    expect(requested[1]?.subject?.digest).toBe(exported?.subject?.digest)
    expect(
      actions('incident.erased')
        .map((entry) => entry.incidentId)
        .sort(),
    ).toEqual([first.id, second.id].sort())
    expect(
      actions('incident.read')
        .filter((entry) => entry.actor.name === 'Sam (L3)')
        .map((entry) => entry.incidentId),
    ).toEqual(expect.arrayContaining([first.id, second.id]))
    expect(actions('attachment.downloaded')).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ name: 'Privacy officer' }), incidentId: second.id, details: { attachmentId: attachment.id } }),
    ])
    expect(actions('webhook.created')).toHaveLength(1)
    expectNoneOf(JSON.stringify(trail), erasedStrings, 'the audit trail')

    const ofSecond = await audit(`&incident=${second.id}`)
    expect(new Set(ofSecond.items.map((entry) => entry.incidentId))).toEqual(new Set([second.id]))
    const bySam = await audit(`&actor=${encodeURIComponent('Sam (L3)')}`)
    expect(bySam.items.length).toBeGreaterThan(0)
    expect(new Set(bySam.items.map((entry) => entry.actor.name))).toEqual(new Set(['Sam (L3)']))
  })
})

describe('the audit trail', () => {
  it('names a signed-in agent by their own account (agt_…), as it names a key by its id', async () => {
    clock += minute
    const from = new Date(clock).toISOString()
    const ada = await inviteAndSignUp(server, server.secretKey, { email: 'ada.privacy@example.com', role: 'admin', name: 'Ada Privacy' })
    expect((await asAgent(server, ada, 'PATCH', '/v1/admin/app', { name: 'Shop by Ada' })).status).toBe(200)
    const trail = await audit(`&from=${encodeURIComponent(from)}&actor=${encodeURIComponent('Ada Privacy')}`)
    expect(trail.items.map((entry) => [entry.action, entry.actor])).toEqual([['app.updated', { name: 'Ada Privacy', id: ada.session.agent.id }]])
  })

  it('records who changed the app, created and revoked a key, and created, rotated and stopped a webhook', async () => {
    clock += minute
    const from = new Date(clock).toISOString()
    expect((await sendAs(server, 'PATCH', '/v1/admin/app', officer, { name: 'Shop', retentionDays: 365 })).status).toBe(200)
    const key = (await (await sendAs(server, 'POST', '/v1/admin/keys', officer, { kind: 'secret', role: 'l1', name: 'Temp' })).json()) as { id: string }
    expect((await sendAs(server, 'DELETE', `/v1/admin/keys/${key.id}`, officer)).status).toBe(200)
    expect((await sendAs(server, 'DELETE', `/v1/admin/keys/${key.id}`, officer)).status).toBe(200)
    // Some receivers take their secret in the URL: an append-only trail keeps only where it points.
    const hook = (await (await sendAs(server, 'POST', '/v1/admin/webhooks', officer, { url: 'https://hooks.example/services/T0/B0/s3cr3tPathPart?token=s3cr3tQuery' })).json()) as {
      id: string
    }
    expect((await sendAs(server, 'POST', `/v1/admin/webhooks/${hook.id}/rotate-secret`, officer)).status).toBe(200)
    expect((await sendAs(server, 'DELETE', `/v1/admin/webhooks/${hook.id}`, officer)).status).toBe(200)
    const trail = await audit(`&from=${encodeURIComponent(from)}`)
    expect(trail.items.map((entry) => [entry.action, entry.actor.name]).reverse()).toEqual([
      ['app.updated', 'Privacy officer'],
      ['key.created', 'Privacy officer'],
      ['key.revoked', 'Privacy officer'],
      ['webhook.created', 'Privacy officer'],
      ['webhook.secret_rotated', 'Privacy officer'],
      ['webhook.stopped', 'Privacy officer'],
    ])
    expect(trail.items.at(-1)?.details).toEqual({ changes: { name: 'Shop', retentionDays: 365 } })
    expect(JSON.stringify(trail)).not.toMatch(/sk_|whsec_|s3cr3t/)
    expect(trail.items[0]?.details).toEqual({ webhookId: hook.id, origin: 'https://hooks.example' })
  })

  it('pages newest first with a cursor, and refuses a bad one, a backwards range, and non-admin keys', async () => {
    const all = await audit()
    const pages: AuditEntry[] = []
    let cursor: string | null = null
    do {
      const page: AuditList = (await (await getAs(server, `/v1/admin/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`, server.secretKey)).json()) as AuditList
      pages.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(pages.map((entry) => entry.id)).toEqual(all.items.map((entry) => entry.id))
    expect([...pages.map((entry) => entry.at)].sort().reverse()).toEqual(pages.map((entry) => entry.at))
    await expectProblem(await getAs(server, '/v1/admin/audit?cursor=nope', server.secretKey), 400, 'validation_failed')
    await expectProblem(await getAs(server, '/v1/admin/audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', server.secretKey), 400, 'validation_failed')
    await expectProblem(await getAs(server, '/v1/admin/audit', reader), 403, 'forbidden')
  })

  it('cannot be changed, not even by SQL: its rows refuse UPDATE and DELETE', async () => {
    const refusal = async (statement: Promise<unknown>) =>
      String(
        (
          (await statement.then(
            () => undefined,
            (error: unknown) => error,
          )) as { cause?: unknown } | undefined
        )?.cause,
      )
    expect(await refusal(server.db.run(sql`update audit_entries set actor = 'someone else'`))).toMatch(/append-only/)
    expect(await refusal(server.db.run(sql`delete from audit_entries`))).toMatch(/append-only/)
    const methods = await fetch(`${server.url}/v1/admin/audit`, { method: 'DELETE', headers: { authorization: `Bearer ${server.secretKey}` } })
    expect(methods.status).toBe(405)
  })
})

describe('a suspected breach', () => {
  it('shows the 72-hour deadline and a checklist agents tick, with who ticked what and when, on the trail too', async () => {
    const reported = await file({ symptoms: 'Someone logged into my account from another country and changed my password' })
    const opened = await ticket(reported.id, reader)
    expect(opened.breach).toEqual({
      notifyBy: new Date(clock + 72 * 3_600_000).toISOString(),
      state: 'open',
      checklist: ['contained', 'scope_assessed', 'authority_notified', 'people_notified'].map((item) => ({ item, label: expect.any(String), done: false, by: null, at: null })),
    })
    clock += 30 * minute
    const ticked = await sendAs(server, 'POST', `/v1/incidents/${reported.id}/breach`, reader, { item: 'contained', done: true })
    expect(ticked.status).toBe(200)
    clock += 60 * minute
    await sendAs(server, 'POST', `/v1/incidents/${reported.id}/breach`, reader, { item: 'authority_notified', done: true })
    const record = (await ticket(reported.id, reader)).breach
    expect(record?.state).toBe('notified')
    expect(record?.checklist.filter((check) => check.done)).toEqual([
      { item: 'contained', label: expect.stringMatching(/^Contained/), done: true, by: 'Sam (L3)', at: new Date(clock - 60 * minute).toISOString() },
      { item: 'authority_notified', label: expect.stringMatching(/authority/), done: true, by: 'Sam (L3)', at: new Date(clock).toISOString() },
    ])
    const trail = await audit(`&incident=${reported.id}`)
    expect(trail.items.filter((entry) => entry.action === 'breach.checked').map((entry) => [entry.actor.name, entry.details])).toEqual([
      ['Sam (L3)', { item: 'authority_notified', done: true }],
      ['Sam (L3)', { item: 'contained', done: true }],
    ])
  })

  it('refuses the checklist on an incident that is no breach (409), an unknown item (422), and keys below L3 (404)', async () => {
    const plain = await file({ symptoms: 'The invoices page is slow today' })
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${plain.id}/breach`, reader, { item: 'contained', done: true }), 409, 'conflict')
    const breach = await file({ symptoms: 'My account was hacked and my data leaked' })
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${breach.id}/breach`, reader, { item: 'forgotten', done: true }), 422, 'validation_failed')
    const l1 = await createAgentKey(server, 'l1')
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${breach.id}/breach`, l1, { item: 'contained', done: true }), 404, 'not_found')
  })
})

describe('a live stream when its report is erased', () => {
  it('ends the stream without sending what was erased', async () => {
    const followed = await file({ symptoms: 'The calendar sync fails for Wendelstein', contact: { email: 'wendel@example.com' } })
    const controller = new AbortController()
    const response = await fetch(`${server.url}/v1/reports/${followed.id}/events?token=${followed.reporterToken}`, { signal: controller.signal })
    const stream = events(response)
    expect((await stream.next()).value?.event).toBe('report')
    const erased = await sendAs(server, 'POST', '/v1/admin/reporters/erase', server.secretKey, { email: 'wendel@example.com' })
    expect(await erased.json()).toEqual({ incidents: 1 })
    const rest: string[] = []
    for await (const event of stream) rest.push(`${event.event}: ${event.data}`)
    expect(rest).toEqual(['end: '])
    controller.abort()
  })
})

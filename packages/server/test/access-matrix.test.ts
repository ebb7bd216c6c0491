import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  AgentInvitation,
  AppSettings,
  AttachmentCreated,
  AuditList,
  BulkResult,
  DiagnosticsResult,
  Incident,
  IncidentList,
  Metrics,
  MetricsSeries,
  ReportCreated,
  ReporterExport,
  ReportView,
} from '@triage/protocol'
import type { CredentialKind, World } from './contract/fixtures.ts'
import { buildWorld, credentialHeaders, credentialKinds } from './contract/fixtures.ts'
import type { TestServer } from './harness.ts'
import { tinyPng } from './fixtures/images.ts'
import { getAs, postReport, sendAs, startTestServer, uploadFile } from './harness.ts'

// The access matrix (#12): every route × every kind of credential, as a table. A cell is either
// `ok` (past the access check: 2xx, or a 409 of the lifecycle) or the refusal it must get. Cells
// on derived data (similar incidents, metrics, lists, deflection, the event stream) also check
// that nothing of another app or a higher tier comes back. A failing cell names its route and
// credential.

type Outcome = 'ok' | 401 | 403 | 404

/** What a cell sends: built fresh per cell where the route changes what it touches. */
interface Target {
  path: string
  method: string
  body?: unknown
  /** A multipart body instead of JSON (file uploads). */
  form?: () => FormData
  headers?: Record<string, string>
  /** The report a `reporter token` credential stands for (default: the world's report). */
  report?: ReportCreated
}

interface Row {
  route: string
  target: () => Promise<Target>
  expect: Record<CredentialKind, Outcome>
  /** More checks on an `ok` answer's body (derived data). */
  check?: (body: unknown, credential: CredentialKind) => Promise<void> | void
}

let server: TestServer
let world: World
/** The tier of every incident of app A, as the admin sees them. */
const tiers = new Map<string, string>()

beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 })
  world = await buildWorld(server)
  const all = (await (await getAs(server, '/v1/incidents?limit=200', server.secretKey)).json()) as IncidentList
  for (const item of all.items) tiers.set(item.id, item.tier)
})
afterAll(() => server.stop())

// Unlike the world's reports, so the tickets the matrix makes do not crowd its similar incidents.
const fresh = async (symptoms = 'A ticket of the matrix about calendar sync') => (await (await postReport(server, server.publishableKey, { symptoms })).json()) as ReportCreated

/** A form with one small PNG in `file`, as an upload sends it. */
const pngForm = () => {
  const form = new FormData()
  form.append('file', new Blob([tinyPng()], { type: 'image/png' }), 'matrix.png')
  return form
}

/** The download path of one attachment of `report` (uploaded once, with its own token, for the whole row). */
function attachmentOf(report: () => ReportCreated): () => Promise<string> {
  let path: Promise<string> | undefined
  return () =>
    (path ??= (async () => {
      const { id, reporterToken } = report()
      const stored = (await (await uploadFile(server, id, reporterToken, { bytes: tinyPng(), name: 'matrix.png', type: 'image/png' })).json()) as AttachmentCreated
      return `/v1/incidents/${id}/attachments/${stored.id}`
    })())
}
const attachmentOfL1 = attachmentOf(() => world.report)
const attachmentOfL3 = attachmentOf(() => world.l3Report)
const attachmentOfB = attachmentOf(() => world.reportB)

// Whole rows of outcomes, by the kind of route.
const refusedAll = { none: 401, 'publishable A': 401, 'publishable B': 401, 'reporter token': 401, 'reporter token of another report': 401 } as const
const agentOfA = { ...refusedAll, 'l1 A': 'ok', 'l2 A': 'ok', 'l3 A': 'ok', 'admin A': 'ok', 'l1 B': 404, 'admin B': 404, 'revoked admin A': 401 } as const
const agentAnyApp = { ...agentOfA, 'l1 B': 'ok', 'admin B': 'ok' } as const
const adminOfA = { ...agentOfA, 'l1 A': 403, 'l2 A': 403, 'l3 A': 403, 'l1 B': 403 } as const
const adminAnyApp = { ...adminOfA, 'admin B': 'ok' } as const
const publishable = {
  none: 401,
  'publishable A': 'ok',
  'publishable B': 'ok',
  'reporter token': 401,
  'reporter token of another report': 401,
  'l1 A': 401,
  'l2 A': 401,
  'l3 A': 401,
  'admin A': 401,
  'l1 B': 401,
  'admin B': 401,
  'revoked admin A': 401,
} as const
/** Routes that take no credential (people signing in): every caller alike. */
const anyone = {
  none: 'ok',
  'publishable A': 'ok',
  'publishable B': 'ok',
  'reporter token': 'ok',
  'reporter token of another report': 'ok',
  'l1 A': 'ok',
  'l2 A': 'ok',
  'l3 A': 'ok',
  'admin A': 'ok',
  'l1 B': 'ok',
  'admin B': 'ok',
  'revoked admin A': 'ok',
} as const
/** Routes no credential of the matrix opens (a sign-in with a wrong pair, the session route): 401 for all. */
const nobody = Object.fromEntries(credentialKinds.map((kind) => [kind, 401])) as Record<CredentialKind, Outcome>
const reporter = {
  none: 401,
  'publishable A': 401,
  'publishable B': 401,
  'reporter token': 'ok',
  'reporter token of another report': 404,
  'l1 A': 404,
  'l2 A': 404,
  'l3 A': 404,
  'admin A': 404,
  'l1 B': 404,
  'admin B': 404,
  'revoked admin A': 404,
} as const

const maxTier: Partial<Record<CredentialKind, number>> = { 'l1 A': 1, 'l2 A': 2, 'l3 A': 3, 'admin A': 3 }
const rank = (tier: string | undefined) => Number(tier?.slice(1) ?? 9)

/** No similar incident above the reader's tier (their tiers as the admin sees them now). */
async function similarWithinTier(body: unknown, credential: CredentialKind): Promise<void> {
  for (const similar of (body as Incident).similar) {
    const { tier } = (await (await getAs(server, `/v1/incidents/${similar.id}`, server.secretKey)).json()) as Incident
    expect([credential, similar.id, tier, rank(tier) <= (maxTier[credential] ?? 0)]).toEqual([credential, similar.id, tier, true])
  }
}

/** The L3 ticket like the world's report is among its similar incidents from L3 up, and only there. */
async function similarShowsL3From3Up(body: unknown, credential: CredentialKind): Promise<void> {
  await similarWithinTier(body, credential)
  const ids = (body as Incident).similar.map((similar) => similar.id)
  expect([credential, ids.includes(world.escalated.id)]).toEqual([credential, (maxTier[credential] ?? 0) >= 3])
}

const rows: Row[] = [
  // Publishable key: the widget's routes.
  { route: 'POST /v1/reports', target: async () => ({ method: 'POST', path: '/v1/reports', body: { symptoms: 'The matrix files a report' } }), expect: publishable },
  {
    route: 'GET /v1/diagnostics (deflection)',
    target: async () => ({ method: 'GET', path: `/v1/diagnostics?symptoms=${encodeURIComponent('the invoice export fails')}` }),
    expect: publishable,
    check: (body, credential) => {
      // App A's resolved export incident deflects for app A only, never for app B.
      const notes = (body as DiagnosticsResult).similar.map((similar) => similar.publicNote)
      if (credential === 'publishable B') expect(notes).toEqual([])
      else expect(notes).toContain('Exports work again.')
    },
  },
  { route: 'GET /v1/notices', target: async () => ({ method: 'GET', path: '/v1/notices' }), expect: publishable },
  {
    route: 'GET /v1/reports (a verified user)',
    target: async () => {
      const { identitySecret } = (await (await getAs(server, '/v1/admin/app', server.secretKey)).json()) as AppSettings
      return { method: 'GET', path: '/v1/reports', headers: { 'x-triage-user': 'u-1', 'x-triage-user-hash': createHmac('sha256', identitySecret).update('u-1').digest('hex') } }
    },
    // App B's key with a hash made by app A's secret: the hash does not match.
    expect: { ...publishable, 'publishable B': 403 },
  },
  // Reporter token: one report.
  {
    route: 'GET /v1/reports/{id}',
    target: async () => ({ method: 'GET', path: `/v1/reports/${world.report.id}` }),
    expect: reporter,
    check: (body) => expect((body as ReportView).id).toBe(world.report.id),
  },
  { route: 'GET /v1/reports/{id}/events (SSE)', target: async () => ({ method: 'GET', path: `/v1/reports/${world.report.id}/events` }), expect: reporter },
  ...(['messages', 'confirm', 'reopen'] as const).map(
    (action): Row => ({
      route: `POST /v1/reports/{id}/${action}`,
      target: async () => {
        const report = await fresh()
        return { method: 'POST', path: `/v1/reports/${report.id}/${action}`, body: action === 'messages' ? { body: 'more details' } : {}, report }
      },
      expect: reporter,
    }),
  ),
  {
    route: 'POST /v1/reports/{id}/attachments',
    target: async () => {
      const report = await fresh()
      return { method: 'POST', path: `/v1/reports/${report.id}/attachments`, form: pngForm, report }
    },
    expect: reporter,
  },
  // Secret keys: the agent API, up to each key's tier.
  {
    route: 'GET /v1/incidents',
    target: async () => ({ method: 'GET', path: '/v1/incidents?limit=200' }),
    expect: agentAnyApp,
    check: (body, credential) => {
      const items = (body as IncidentList).items
      if (credential.endsWith(' B')) expect(items.filter((item) => tiers.has(item.id))).toEqual([])
      else for (const item of items) expect([item.id, rank(item.tier) <= (maxTier[credential] ?? 0)]).toEqual([item.id, true])
    },
  },
  {
    route: 'GET /v1/incidents/{id} (L1, with similar)',
    target: async () => ({ method: 'GET', path: `/v1/incidents/${world.report.id}` }),
    expect: agentOfA,
    check: similarShowsL3From3Up,
  },
  { route: 'GET /v1/incidents/{id} (L3)', target: async () => ({ method: 'GET', path: `/v1/incidents/${world.l3Report.id}` }), expect: { ...agentOfA, 'l1 A': 404, 'l2 A': 404 } },
  {
    route: 'GET /v1/incidents/{id} (app B)',
    target: async () => ({ method: 'GET', path: `/v1/incidents/${world.reportB.id}` }),
    expect: { ...agentOfA, 'l1 A': 404, 'l2 A': 404, 'l3 A': 404, 'admin A': 404, 'l1 B': 'ok', 'admin B': 'ok' },
  },
  { route: 'GET /v1/incidents/{id}/attachments/{attachmentId} (L1)', target: async () => ({ method: 'GET', path: await attachmentOfL1() }), expect: agentOfA },
  {
    route: 'GET /v1/incidents/{id}/attachments/{attachmentId} (L3)',
    target: async () => ({ method: 'GET', path: await attachmentOfL3() }),
    expect: { ...agentOfA, 'l1 A': 404, 'l2 A': 404 },
  },
  {
    route: 'GET /v1/incidents/{id}/attachments/{attachmentId} (app B)',
    target: async () => ({ method: 'GET', path: await attachmentOfB() }),
    expect: { ...agentOfA, 'l1 A': 404, 'l2 A': 404, 'l3 A': 404, 'admin A': 404, 'l1 B': 'ok', 'admin B': 'ok' },
  },
  ...(
    [
      ['PATCH', '', { urgency: 'high' }],
      ['POST', '/messages', { body: 'on it', visibility: 'internal' }],
      ['POST', '/escalate', { tier: 'L2', reason: 'needs hands' }],
      ['POST', '/resolve', { resolution: 'fixed' }],
      ['POST', '/close', {}],
      ['POST', '/reopen', {}],
    ] as const
  ).map(
    ([method, action, body]): Row => ({
      route: `${method} /v1/incidents/{id}${action}`,
      target: async () => ({ method, path: `/v1/incidents/${(await fresh()).id}${action}`, body }),
      expect: agentOfA,
      check: similarWithinTier,
    }),
  ),
  // Grouping corrections: a fresh ticket is neither grouped nor major, so an agent who may touch
  // it gets the lifecycle's 409; everyone else is refused before that.
  { route: 'POST /v1/incidents/{id}/split', target: async () => ({ method: 'POST', path: `/v1/incidents/${(await fresh()).id}/split`, body: {} }), expect: agentOfA },
  {
    route: 'POST /v1/incidents/{id}/merge',
    target: async () => ({ method: 'POST', path: `/v1/incidents/${(await fresh()).id}/merge`, body: { from: (await fresh()).id } }),
    expect: agentOfA,
  },
  {
    route: 'GET /v1/metrics',
    target: async () => ({ method: 'GET', path: '/v1/metrics' }),
    expect: agentAnyApp,
    check: (body, credential) => {
      const metrics = body as Metrics
      for (const tier of [...Object.keys(metrics.byTier), ...Object.keys(metrics.backlog.byTier)])
        expect([credential, tier, rank(tier) <= (maxTier[credential] ?? 3)]).toEqual([credential, tier, true])
      if (credential === 'l1 A') expect(metrics.overall.tickets).toBe(metrics.byTier['L1']?.tickets ?? 0)
    },
  },
  // The console's needs (#18): the same agent rules, in derived views too.
  {
    route: 'POST /v1/deflections',
    target: async () => ({ method: 'POST', path: '/v1/deflections', body: { number: world.resolved.number } }),
    // App B names app A's ticket: not one of its own.
    expect: { ...publishable, 'publishable B': 404 },
  },
  { route: 'GET /v1/incidents/counts', target: async () => ({ method: 'GET', path: '/v1/incidents/counts' }), expect: agentAnyApp },
  {
    route: 'GET /v1/incidents/events (SSE)',
    target: async () => ({ method: 'GET', path: '/v1/incidents/events' }),
    expect: agentAnyApp,
  },
  {
    route: 'POST /v1/incidents/bulk',
    target: async () => ({ method: 'POST', path: '/v1/incidents/bulk', body: { action: 'close', ids: [world.report.id, world.l3Report.id] } }),
    expect: agentAnyApp,
    check: (body, credential) => {
      // Each ticket on its own: another app's or a higher tier's is not found, never touched.
      const [l1, l3] = (body as BulkResult).items
      const seesL1 = !credential.endsWith(' B')
      const seesL3 = seesL1 && (maxTier[credential] ?? 0) >= 3
      expect([credential, l1?.ok === false && l1.problem.status === 404, l3?.ok === false && l3.problem.status === 404]).toEqual([credential, !seesL1, !seesL3])
    },
  },
  { route: 'GET /v1/incidents/{id}/children', target: async () => ({ method: 'GET', path: `/v1/incidents/${world.report.id}/children` }), expect: agentOfA },
  {
    route: 'GET /v1/incidents/{id}/children (L3)',
    target: async () => ({ method: 'GET', path: `/v1/incidents/${world.l3Report.id}/children` }),
    expect: { ...agentOfA, 'l1 A': 404, 'l2 A': 404 },
  },
  {
    route: 'POST /v1/incidents/{id}/presence',
    target: async () => ({ method: 'POST', path: `/v1/incidents/${world.report.id}/presence`, body: { typing: false } }),
    expect: agentOfA,
  },
  {
    route: 'POST /v1/incidents/{id}/presence (L3)',
    target: async () => ({ method: 'POST', path: `/v1/incidents/${world.l3Report.id}/presence`, body: { typing: false } }),
    expect: { ...agentOfA, 'l1 A': 404, 'l2 A': 404 },
  },
  { route: 'DELETE /v1/incidents/{id}/presence', target: async () => ({ method: 'DELETE', path: `/v1/incidents/${world.report.id}/presence` }), expect: agentOfA },
  {
    route: 'GET /v1/metrics/series',
    target: async () => ({ method: 'GET', path: '/v1/metrics/series' }),
    expect: agentAnyApp,
    check: (body, credential) => {
      for (const tier of Object.keys((body as MetricsSeries).backlog.byTier)) expect([credential, tier, rank(tier) <= (maxTier[credential] ?? 3)]).toEqual([credential, tier, true])
    },
  },
  { route: 'GET /v1/agents', target: async () => ({ method: 'GET', path: '/v1/agents' }), expect: agentAnyApp },
  // People sign in with an e-mail and a password, whatever else they send (here: none of theirs, a wrong pair).
  // (A new e-mail each time: five failures for one would hold it; twelve stay under the address's twenty.)
  {
    route: 'POST /v1/auth/sign-in',
    target: async () => ({ method: 'POST', path: '/v1/auth/sign-in', body: { email: `nobody.${Math.random().toString(36).slice(2)}@example.com`, password: 'not a password' } }),
    expect: nobody,
  },
  { route: 'POST /v1/auth/sign-out', target: async () => ({ method: 'POST', path: '/v1/auth/sign-out' }), expect: anyone },
  // No credential of the matrix is a session: the session route knows nobody.
  { route: 'GET /v1/auth/session', target: async () => ({ method: 'GET', path: '/v1/auth/session' }), expect: nobody },
  { route: 'GET /v1/auth/invitations/{token}', target: async () => ({ method: 'GET', path: `/v1/auth/invitations/${world.agent.invitationToken}` }), expect: anyone },
  {
    route: 'POST /v1/auth/invitations/{token}',
    target: async () => {
      const invited = (await (
        await sendAs(server, 'POST', '/v1/admin/agents', server.secretKey, { email: `matrix.${Math.random().toString(36).slice(2)}@example.com`, role: 'l1', name: 'Matrix' })
      ).json()) as AgentInvitation
      return { method: 'POST', path: `/v1/auth/invitations/${new URL(invited.inviteUrl).hash.slice(1)}`, body: { password: 'the matrix password' } }
    },
    expect: anyone,
  },
  // Admin keys: the app's own agents.
  { route: 'GET /v1/admin/agents', target: async () => ({ method: 'GET', path: '/v1/admin/agents' }), expect: adminAnyApp },
  {
    route: 'POST /v1/admin/agents',
    target: async () => ({ method: 'POST', path: '/v1/admin/agents', body: { email: `invited.${Math.random().toString(36).slice(2)}@example.com`, role: 'l2' } }),
    expect: adminAnyApp,
  },
  { route: 'POST /v1/admin/agents/{id}/invitation', target: async () => ({ method: 'POST', path: `/v1/admin/agents/${world.agent.id}/invitation` }), expect: adminOfA },
  {
    route: 'PATCH /v1/admin/agents/{id}',
    target: async () => ({ method: 'PATCH', path: `/v1/admin/agents/${world.agent.id}`, body: { name: 'Renamed by the matrix' } }),
    expect: adminOfA,
  },
  // Admin keys: the app's own settings, keys and webhooks.
  { route: 'GET /v1/admin/app', target: async () => ({ method: 'GET', path: '/v1/admin/app' }), expect: adminAnyApp },
  { route: 'PATCH /v1/admin/app', target: async () => ({ method: 'PATCH', path: '/v1/admin/app', body: { name: 'Renamed by the matrix' } }), expect: adminAnyApp },
  { route: 'GET /v1/admin/keys', target: async () => ({ method: 'GET', path: '/v1/admin/keys' }), expect: adminAnyApp },
  { route: 'POST /v1/admin/keys', target: async () => ({ method: 'POST', path: '/v1/admin/keys', body: { kind: 'secret', role: 'l1', name: 'matrix' } }), expect: adminAnyApp },
  { route: 'DELETE /v1/admin/keys/{id}', target: async () => ({ method: 'DELETE', path: `/v1/admin/keys/${world.spareKeyIds[0]}` }), expect: adminOfA },
  {
    route: 'GET /v1/admin/webhooks',
    target: async () => ({ method: 'GET', path: '/v1/admin/webhooks' }),
    expect: adminAnyApp,
    check: (body) => expect(JSON.stringify(body)).not.toContain('whsec_'),
  },
  { route: 'POST /v1/admin/webhooks', target: async () => ({ method: 'POST', path: '/v1/admin/webhooks', body: { url: 'https://hooks.example/matrix' } }), expect: adminAnyApp },
  { route: 'POST /v1/admin/webhooks/{id}/rotate-secret', target: async () => ({ method: 'POST', path: `/v1/admin/webhooks/${world.webhook.id}/rotate-secret` }), expect: adminOfA },
  { route: 'GET /v1/admin/webhooks/{id}/deliveries', target: async () => ({ method: 'GET', path: `/v1/admin/webhooks/${world.webhook.id}/deliveries` }), expect: adminOfA },
  { route: 'DELETE /v1/admin/webhooks/{id}', target: async () => ({ method: 'DELETE', path: `/v1/admin/webhooks/${world.webhook.id}` }), expect: adminOfA },
  // Privacy (#19): a person's data is their app's only, and so is the trail of who touched it.
  {
    route: 'GET /v1/admin/reporters/export',
    target: async () => {
      const email = `export-${crypto.randomUUID()}@example.com`
      await postReport(server, server.publishableKey, { symptoms: 'A matrix report to export', contact: { email } })
      return { method: 'GET', path: `/v1/admin/reporters/export?email=${encodeURIComponent(email)}` }
    },
    expect: adminAnyApp,
    check: (body, credential) => expect((body as ReporterExport).incidents.length).toBe(credential === 'admin B' ? 0 : 1),
  },
  {
    route: 'POST /v1/admin/reporters/erase',
    target: async () => {
      const email = `erase-${crypto.randomUUID()}@example.com`
      await postReport(server, server.publishableKey, { symptoms: 'A matrix report to erase', contact: { email } })
      return { method: 'POST', path: '/v1/admin/reporters/erase', body: { email } }
    },
    expect: adminAnyApp,
    check: (body, credential) => expect(body).toEqual({ incidents: credential === 'admin B' ? 0 : 1 }),
  },
  {
    route: 'GET /v1/admin/audit',
    target: async () => ({ method: 'GET', path: '/v1/admin/audit?limit=200' }),
    expect: adminAnyApp,
    check: (body, credential) => {
      const about = (body as AuditList).items.map((entry) => entry.incidentId).filter((id) => id !== null && tiers.has(id))
      if (credential === 'admin B') expect(about).toEqual([])
    },
  },
  {
    // A suspected breach is an L3 ticket: below L3 and in app B it does not exist.
    route: 'POST /v1/incidents/{id}/breach',
    target: async () => ({
      method: 'POST',
      path: `/v1/incidents/${(await fresh('Someone logged into my account and my personal data leaked')).id}/breach`,
      body: { item: 'contained', done: true },
    }),
    expect: { ...agentOfA, 'l1 A': 404, 'l2 A': 404 },
  },
]

/** The credential's headers, with `reporter token` standing for the target's own report. */
function headersFor(credential: CredentialKind, target: Target): Record<string, string> {
  if (credential === 'reporter token' && target.report) return { authorization: `Bearer ${target.report.reporterToken}` }
  return credentialHeaders(world, credential)
}

describe('access matrix: every route × every credential', () => {
  it('covers every operation of the OpenAPI document', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> }
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
    const covered = new Set(rows.map((row) => row.route.replace(/ \(.*\)$/, '')))
    expect(documented.filter((operation) => !covered.has(operation))).toEqual([])
  })

  const cells = rows.flatMap((row) => credentialKinds.map((credential) => [row.route, credential, row] as const))
  it.each(cells)('%s as %s', async (_route, credential, row) => {
    const target = await row.target()
    const controller = new AbortController()
    const headers: Record<string, string> = { ...target.headers, ...headersFor(credential, target) }
    if (target.body !== undefined) headers['content-type'] = 'application/json'
    const sent = target.form ? target.form() : target.body === undefined ? undefined : JSON.stringify(target.body)
    const response = await fetch(`${server.url}${target.path}`, { method: target.method, headers, body: sent, signal: controller.signal })
    const expected = row.expect[credential]
    const outcome: Outcome | number = [401, 403, 404].includes(response.status)
      ? (response.status as Outcome)
      : response.status < 300 || response.status === 409
        ? 'ok'
        : response.status
    if (outcome !== expected) throw new Error(`${row.route} as ${credential}: expected ${expected}, got ${response.status} ${await response.text()}`)
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      // A report's stream begins with the credential's own report; the agents' stream with a line
      // saying it is open (its events are changes, made after it opened: live.test.ts).
      const first = new TextDecoder().decode((await response.body?.getReader().read())?.value)
      expect(first).toContain(target.path.startsWith('/v1/reports/') ? `"id":"${world.report.id}"` : ': open')
      controller.abort()
      return
    }
    // A file download's body is bytes, not JSON.
    const json = response.status !== 204 && (response.headers.get('content-type') ?? '').includes('json')
    const body: unknown = json ? await response.json() : await response.arrayBuffer()
    if (outcome === 'ok' && response.status < 300) await row.check?.(body, credential)
  })
})

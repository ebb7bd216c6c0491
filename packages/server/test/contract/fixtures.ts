import type { AgentInvitation, ReportCreated, WebhookCreated } from '@triage/protocol'
import { generateKey } from '../../src/security/keys.ts'
import { insertKey, revokeKey } from '../../src/storage/apps.ts'
import type { TestServer } from '../harness.ts'
import { createOtherApp, postReport, sendAs } from '../harness.ts'

/** Every kind of caller the access matrix and the contract tests try on every route. */
export const credentialKinds = [
  'none',
  'publishable A',
  'publishable B',
  'reporter token',
  'reporter token of another report',
  'l1 A',
  'l2 A',
  'l3 A',
  'admin A',
  'l1 B',
  'admin B',
  'revoked admin A',
] as const
export type CredentialKind = (typeof credentialKinds)[number]

/** Where each credential goes on the wire. */
export function credentialHeaders(world: World, kind: CredentialKind): Record<string, string> {
  const value = world.credentials[kind]
  if (value === undefined) return {}
  return kind.startsWith('publishable') ? { 'x-triage-key': value } : { authorization: `Bearer ${value}` }
}

export interface World {
  credentials: Partial<Record<CredentialKind, string>>
  /** A report of app A at L1, opened by `reporter token`. */
  report: ReportCreated
  /** Another report of app A, opened by `reporter token of another report`. */
  otherReport: ReportCreated
  /** A report of app A at L3 (security): l1 and l2 keys may not see it. */
  l3Report: ReportCreated
  /** A report of app B. */
  reportB: ReportCreated
  /** An L3 ticket much like `report`: similar incidents show it from L3 up only. */
  escalated: ReportCreated
  /** A resolved ticket of app A with a public note: what deflection names. */
  resolved: ReportCreated
  /** An agent of app A, invited (not signed up): its id, and the token of its invitation link. */
  agent: { id: string; invitationToken: string }
  webhook: WebhookCreated
  /** Keys of app A that tests may revoke (never one of the credentials above). */
  spareKeyIds: string[]
}

async function created(response: Response): Promise<ReportCreated> {
  if (response.status !== 201) throw new Error(`fixture report answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as ReportCreated
}

/** Two apps with a key of each role, reports at two tiers, a webhook and spare keys. */
export async function buildWorld(server: TestServer): Promise<World> {
  const appB = await createOtherApp(server)
  const key = async (appId: string, role: 'l1' | 'l2' | 'l3' | 'admin') => {
    const secret = generateKey('secret')
    const id = await insertKey(server.db, { appId, kind: 'secret', role, name: `${role} agent`, key: secret })
    return { secret, id }
  }
  const revoked = await key('app_demo', 'admin')
  await revokeKey(server.db, revoked.id)
  const spare = await Promise.all([key('app_demo', 'l1'), key('app_demo', 'l2'), key('app_demo', 'l1')])
  const report = await created(await postReport(server, server.publishableKey, { symptoms: 'The invoice export fails with an error' }))
  const otherReport = await created(await postReport(server, server.publishableKey, { symptoms: 'Search returns nothing' }))
  const l3Report = await created(await postReport(server, server.publishableKey, { symptoms: 'Someone logged into my account from another country and changed my password' }))
  if (l3Report.category !== 'security') throw new Error(`the L3 fixture was filed as ${l3Report.category}`)
  const reportB = await created(await postReport(server, appB.publishableKey, { symptoms: 'The export of app B fails' }))
  // A resolved ticket: what similar incidents and deflection read.
  const resolved = await created(await postReport(server, server.publishableKey, { symptoms: 'The invoice export fails with a timeout' }))
  await sendAs(server, 'POST', `/v1/incidents/${resolved.id}/resolve`, server.secretKey, { resolution: 'internal: restarted the export worker', publicNote: 'Exports work again.' })
  // An L3 ticket much like the L1 report: similar incidents must not show it below L3.
  const escalated = await created(await postReport(server, server.publishableKey, { symptoms: 'The invoice export fails with an error for every customer' }))
  await sendAs(server, 'POST', `/v1/incidents/${escalated.id}/escalate`, server.secretKey, { tier: 'L3', reason: 'needs the platform team' })
  await sendAs(server, 'POST', `/v1/incidents/${escalated.id}/resolve`, server.secretKey, { resolution: 'internal: rebuilt the export index' })
  const webhookResponse = await sendAs(server, 'POST', '/v1/admin/webhooks', server.secretKey, { url: 'https://hooks.example/triage' })
  const invited = (await (
    await sendAs(server, 'POST', '/v1/admin/agents', server.secretKey, { email: 'world.agent@example.com', role: 'l1', name: 'World agent' })
  ).json()) as AgentInvitation
  return {
    credentials: {
      'publishable A': server.publishableKey,
      'publishable B': appB.publishableKey,
      'reporter token': report.reporterToken,
      'reporter token of another report': otherReport.reporterToken,
      'l1 A': (await key('app_demo', 'l1')).secret,
      'l2 A': (await key('app_demo', 'l2')).secret,
      'l3 A': (await key('app_demo', 'l3')).secret,
      'admin A': server.secretKey,
      'l1 B': (await key(appB.appId, 'l1')).secret,
      'admin B': appB.secretKey,
      'revoked admin A': revoked.secret,
    },
    report,
    otherReport,
    l3Report,
    reportB,
    escalated,
    resolved,
    agent: { id: invited.agent.id, invitationToken: new URL(invited.inviteUrl).hash.slice(1) },
    webhook: (await webhookResponse.json()) as WebhookCreated,
    spareKeyIds: spare.map((entry) => entry.id),
  }
}

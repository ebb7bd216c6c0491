import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { AppSettings, ReportList, Webhook, WebhookCreated } from '@triage/protocol'
import { secretBox } from '../src/security/sealing.ts'
import { verifyWebhook } from '../src/security/webhook-signature.ts'
import { sealStoredSecrets } from '../src/storage/sealed-secrets.ts'
import { insertWebhook } from '../src/storage/webhooks.ts'
import { dispatchWebhooks } from '../src/jobs/webhook-dispatch.ts'
import type { TestServer } from './harness.ts'
import { getAs, postReport, sendAs, startTestServer } from './harness.ts'

// Secrets are shown once and sealed at rest (#12.6): a webhook's signing secret appears when it is
// created or rotated, never in a list; with TRIAGE_SECRET set, stored webhook and identity
// secrets are encrypted with a key derived from it, so a copy of the database does not hold them.

const clock = Date.UTC(2026, 10, 28, 9, 0, 0)
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ now: () => clock, secret: 'a deployment secret of some length' })
})
afterAll(() => server.stop())

const hookUrl = 'https://hooks.example/triage'

/** Delivers what is due to a recorder instead of the network; answers what each delivery to `webhookId` carried. */
async function deliver(webhookId = ''): Promise<{ body: string; signature: string }[]> {
  const sent: { body: string; signature: string; delivery: string }[] = []
  await dispatchWebhooks(server.services, {
    post: async (_url, request) => {
      sent.push({ body: request.body, signature: request.headers['triage-signature'] ?? '', delivery: request.headers['triage-delivery'] ?? '' })
      return 204
    },
  })
  return sent.filter((delivery) => delivery.delivery.endsWith(`:${webhookId}`))
}

async function subscribe(): Promise<WebhookCreated> {
  const response = await sendAs(server, 'POST', '/v1/admin/webhooks', server.secretKey, { url: hookUrl })
  expect(response.status).toBe(201)
  return (await response.json()) as WebhookCreated
}

describe('webhook secrets', () => {
  it('shows the secret at creation only: lists and stops never carry it, and stopped webhooks are not listed', async () => {
    const kept = await subscribe()
    const stopped = await subscribe()
    expect(kept.secret).toMatch(/^whsec_/)
    const stop = await sendAs(server, 'DELETE', `/v1/admin/webhooks/${stopped.id}`, server.secretKey)
    expect(stop.status).toBe(200)
    expect(await stop.json()).not.toHaveProperty('secret')

    const list = (await (await getAs(server, '/v1/admin/webhooks', server.secretKey)).json()) as Webhook[]
    expect(list.map((webhook) => webhook.id)).toContain(kept.id)
    expect(list.map((webhook) => webhook.id)).not.toContain(stopped.id)
    for (const webhook of list) expect(webhook).not.toHaveProperty('secret')
    expect(JSON.stringify(list)).not.toContain('whsec_')
  })

  it('rotates a secret: the new one is shown once and signs every delivery from then on', async () => {
    const webhook = await subscribe()
    const rotated = await sendAs(server, 'POST', `/v1/admin/webhooks/${webhook.id}/rotate-secret`, server.secretKey)
    expect(rotated.status).toBe(200)
    const { secret } = (await rotated.json()) as WebhookCreated
    expect(secret).toMatch(/^whsec_/)
    expect(secret).not.toBe(webhook.secret)

    await deliver()
    await postReport(server, server.publishableKey, { symptoms: 'The export button does nothing' })
    const sent = await deliver(webhook.id)
    expect(sent.length).toBeGreaterThan(0)
    for (const delivery of sent) {
      expect(await verifyWebhook(secret, delivery.body, delivery.signature, clock / 1000)).toBe(true)
      expect(await verifyWebhook(webhook.secret, delivery.body, delivery.signature, clock / 1000)).toBe(false)
    }
    expect((await sendAs(server, 'POST', '/v1/admin/webhooks/whk_nope/rotate-secret', server.secretKey)).status).toBe(404)
  })
})

describe('sealed at rest with TRIAGE_SECRET', () => {
  it('stores neither webhook nor identity secrets in clear, and still signs and verifies with them', async () => {
    const webhook = await subscribe()
    const settings = (await (await getAs(server, '/v1/admin/app', server.secretKey)).json()) as AppSettings
    expect(settings.identitySecret).toMatch(/^idsec_/)

    const webhooks = await server.db.all<{ secret: string }>(sql`select secret from webhooks`)
    const apps = await server.db.all<{ identity_secret: string | null }>(sql`select identity_secret from apps where identity_secret is not null`)
    const stored = [...webhooks.map((row) => row.secret), ...apps.map((row) => row.identity_secret ?? '')]
    expect(stored.length).toBeGreaterThan(1)
    for (const value of stored) {
      expect(value).toMatch(/^sealed:v1:/)
      expect(value).not.toContain('whsec_')
      expect(value).not.toContain('idsec_')
    }
    expect(stored).not.toContain(webhook.secret)

    // The identity secret still verifies user hashes, read back from its sealed form.
    const hash = createHmac('sha256', settings.identitySecret).update('u-1').digest('hex')
    await postReport(server, server.publishableKey, { symptoms: 'Sync fails on my laptop', context: { user: { id: 'u-1', hash } } })
    const list = await fetch(`${server.url}/v1/reports`, { headers: { 'x-triage-key': server.publishableKey, 'x-triage-user': 'u-1', 'x-triage-user-hash': hash } })
    expect(list.status).toBe(200)
    expect(((await list.json()) as ReportList).items).toHaveLength(1)
  })
})

describe('at start', () => {
  it('seals secrets an earlier version stored in clear, and refuses another TRIAGE_SECRET with what to do', async () => {
    await insertWebhook(server.db, { id: 'whk_old', appId: 'app_demo', url: hookUrl, events: [], secret: 'whsec_from_before', createdAt: clock, disabledAt: null })
    expect(await sealStoredSecrets(server.db, secretBox('a deployment secret of some length'))).toBe(1)
    const [row] = await server.db.all<{ secret: string }>(sql`select secret from webhooks where id = 'whk_old'`)
    expect(row?.secret).toMatch(/^sealed:v1:/)
    expect(await secretBox('a deployment secret of some length').open(row?.secret ?? '')).toBe('whsec_from_before')
    await expect(sealStoredSecrets(server.db, secretBox('a changed secret'))).rejects.toThrow('set TRIAGE_SECRET back to the value it had')
    await expect(sealStoredSecrets(server.db, secretBox(undefined))).rejects.toThrow('TRIAGE_SECRET is not set')
  })
})

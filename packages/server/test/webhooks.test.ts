import { createServer } from 'node:http'
import type { IncomingMessage, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiKeyCreated, ReportCreated, Webhook, WebhookCreated, WebhookDelivery, WebhookPayload } from '@triage/protocol'
import { verifyWebhook } from '../src/security/webhook-signature.ts'
import { dispatchWebhooks, retryDelaysMs } from '../src/jobs/webhook-dispatch.ts'
import type { TestServer } from './harness.ts'
import { createAgentKey, createOtherApp, getAs, postReport, sendAs, startTestServer } from './harness.ts'

// A real HTTP receiver on loopback records what the dispatcher sends; it can be told to fail.
interface Received {
  headers: IncomingMessage['headers']
  body: string
}
let receiver: Server
let receiverUrl: string
const received: Received[] = []
let failNext = 0

// The receiver is on loopback, which only a self-hosted setup may allow.
const local = { allowPrivateNetworks: true }
let clock = Date.UTC(2026, 10, 28, 9, 0, 0)
let server: TestServer

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      received.push({ headers: request.headers, body })
      response.statusCode = failNext > 0 ? (failNext--, 500) : 204
      response.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
  server = await startTestServer({ now: () => clock })
})
afterAll(async () => {
  await server.stop()
  await new Promise((resolve) => receiver.close(resolve))
})

async function subscribe(events?: string[]): Promise<WebhookCreated> {
  const response = await sendAs(server, 'POST', '/v1/admin/webhooks', server.secretKey, { url: receiverUrl, ...(events ? { events } : {}) })
  expect(response.status).toBe(201)
  return (await response.json()) as WebhookCreated
}

describe('webhooks', () => {
  it('sends each incident event once, signed with the webhook secret over timestamp and body', async () => {
    const webhook = await subscribe()
    expect(webhook.secret).toMatch(/^whsec_/)
    received.length = 0
    const report = (await (await postReport(server, server.publishableKey, { symptoms: 'Checkout fails with an error' })).json()) as ReportCreated
    await sendAs(server, 'POST', `/v1/incidents/${report.id}/escalate`, server.secretKey, { tier: 'L2', reason: 'payments team' })

    const first = await dispatchWebhooks(server.services, local)
    expect(first.delivered).toBeGreaterThanOrEqual(5)
    expect((await dispatchWebhooks(server.services, local)).delivered).toBe(0)

    const types = received.map((delivery) => JSON.parse(delivery.body) as WebhookPayload).map((payload) => payload.type)
    expect(types).toEqual(expect.arrayContaining(['incident.created', 'incident.categorized', 'incident.prioritized', 'incident.escalated', 'incident.status_changed']))
    for (const delivery of received) {
      const signature = delivery.headers['triage-signature'] as string
      expect(await verifyWebhook(webhook.secret, delivery.body, signature, clock / 1000)).toBe(true)
      expect(await verifyWebhook(webhook.secret, `${delivery.body} `, signature, clock / 1000)).toBe(false)
      expect(await verifyWebhook('whsec_other', delivery.body, signature, clock / 1000)).toBe(false)
    }
    const created = received.map((delivery) => JSON.parse(delivery.body) as WebhookPayload).find((payload) => payload.type === 'incident.created')
    expect(created?.data.incident).toMatchObject({ id: report.id, number: report.number, status: 'new' })
    const escalated = received.map((delivery) => JSON.parse(delivery.body) as WebhookPayload).find((payload) => payload.type === 'incident.escalated')
    expect(escalated?.data.incident).toMatchObject({ id: report.id, number: report.number, tier: 'L2' })
    expect(escalated?.data.event.data).toMatchObject({ reason: 'payments team' })
    await sendAs(server, 'DELETE', `/v1/admin/webhooks/${webhook.id}`, server.secretKey)
  })

  it('retries a failed delivery with backoff and keeps a delivery log', async () => {
    const webhook = await subscribe(['incident.resolved'])
    const report = (await (await postReport(server, server.publishableKey, { symptoms: 'Sync is stuck' })).json()) as ReportCreated
    await sendAs(server, 'POST', `/v1/incidents/${report.id}/resolve`, server.secretKey, { resolution: 'restarted the worker' })
    received.length = 0
    failNext = 1

    expect(await dispatchWebhooks(server.services, local)).toMatchObject({ delivered: 0, retrying: 1 })
    let log = (await (await getAs(server, `/v1/admin/webhooks/${webhook.id}/deliveries`, server.secretKey)).json()) as WebhookDelivery[]
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ eventType: 'incident.resolved', status: 'pending', attempts: 1, lastStatusCode: 500 })
    expect(Date.parse(log[0]?.nextAttemptAt ?? '')).toBe(clock + retryDelaysMs[0])

    expect((await dispatchWebhooks(server.services, local)).delivered).toBe(0)
    clock += retryDelaysMs[0]
    expect((await dispatchWebhooks(server.services, local)).delivered).toBe(1)
    log = (await (await getAs(server, `/v1/admin/webhooks/${webhook.id}/deliveries`, server.secretKey)).json()) as WebhookDelivery[]
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204, nextAttemptAt: null })
    expect(received.map((delivery) => delivery.headers['triage-event'])).toEqual(['incident.resolved', 'incident.resolved'])
    await sendAs(server, 'DELETE', `/v1/admin/webhooks/${webhook.id}`, server.secretKey)
  })

  it('gives up after the last retry and marks the delivery failed', async () => {
    const webhook = await subscribe(['incident.closed'])
    const report = (await (await postReport(server, server.publishableKey, { symptoms: 'Printer offline' })).json()) as ReportCreated
    await sendAs(server, 'POST', `/v1/incidents/${report.id}/resolve`, server.secretKey, { resolution: 'cable' })
    await sendAs(server, 'POST', `/v1/incidents/${report.id}/close`, server.secretKey)
    failNext = 100
    for (let attempt = 0; attempt <= retryDelaysMs.length; attempt++) {
      await dispatchWebhooks(server.services, local)
      clock += retryDelaysMs[attempt] ?? 0
    }
    failNext = 0
    const log = (await (await getAs(server, `/v1/admin/webhooks/${webhook.id}/deliveries`, server.secretKey)).json()) as WebhookDelivery[]
    expect(log[0]).toMatchObject({ status: 'failed', attempts: retryDelaysMs.length + 1, lastStatusCode: 500 })
    await sendAs(server, 'DELETE', `/v1/admin/webhooks/${webhook.id}`, server.secretKey)
  })

  it("refuses to send to the server's own network unless allowed, and says why in the delivery log", async () => {
    // A literal loopback IP, and a name that resolves to loopback (checked after DNS, at connect time).
    const viaName = receiverUrl.replace('127.0.0.1', 'localhost')
    const byIp = await subscribe(['incident.reopened'])
    const byName = (await (await sendAs(server, 'POST', '/v1/admin/webhooks', server.secretKey, { url: viaName, events: ['incident.reopened'] })).json()) as Webhook
    const report = (await (await postReport(server, server.publishableKey, { symptoms: 'Upload hangs' })).json()) as ReportCreated
    await sendAs(server, 'POST', `/v1/incidents/${report.id}/resolve`, server.secretKey, { resolution: 'retry' })
    await sendAs(server, 'POST', `/v1/incidents/${report.id}/reopen`, server.secretKey, { reason: 'still hangs' })
    received.length = 0

    expect(await dispatchWebhooks(server.services)).toMatchObject({ delivered: 0, retrying: 2 })
    expect(received).toEqual([])
    for (const webhook of [byIp, byName]) {
      const log = (await (await getAs(server, `/v1/admin/webhooks/${webhook.id}/deliveries`, server.secretKey)).json()) as WebhookDelivery[]
      expect(log[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null })
      expect(log[0]?.lastError).toMatch(/resolves to (127\.0\.0\.1|::1), a private address/)
    }

    clock += retryDelaysMs[0]
    expect(await dispatchWebhooks(server.services, local)).toMatchObject({ delivered: 2 })
    expect(received).toHaveLength(2)
    for (const webhook of [byIp, byName]) await sendAs(server, 'DELETE', `/v1/admin/webhooks/${webhook.id}`, server.secretKey)
  })
})

describe('/v1/admin', () => {
  it('is for admin keys only', async () => {
    const l3 = await createAgentKey(server, 'l3')
    for (const [method, path] of [
      ['GET', '/v1/admin/app'],
      ['GET', '/v1/admin/keys'],
      ['GET', '/v1/admin/webhooks'],
    ] as const) {
      const response = await sendAs(server, method, path, l3)
      expect(response.status).toBe(403)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
    }
  })

  it('creates a key that works at once and revokes it', async () => {
    const response = await sendAs(server, 'POST', '/v1/admin/keys', server.secretKey, { kind: 'secret', role: 'l1', name: 'Lea' })
    expect(response.status).toBe(201)
    const created = (await response.json()) as ApiKeyCreated
    expect(created).toMatchObject({ kind: 'secret', role: 'l1', name: 'Lea', revokedAt: null })
    expect(created.display).not.toContain(created.key.slice(8))
    expect((await getAs(server, '/v1/incidents', created.key)).status).toBe(200)
    expect((await sendAs(server, 'DELETE', `/v1/admin/keys/${created.id}`, server.secretKey)).status).toBe(200)
    expect((await getAs(server, '/v1/incidents', created.key)).status).toBe(401)
    const keys = JSON.stringify(await (await getAs(server, '/v1/admin/keys', server.secretKey)).json())
    expect(keys).not.toContain(created.key)
  })

  it('sets allowed origins that the publishable key then enforces', async () => {
    const patched = await sendAs(server, 'PATCH', '/v1/admin/app', server.secretKey, { allowedOrigins: ['https://notes.acme.example'] })
    expect(patched.status).toBe(200)
    expect((await postReport(server, server.publishableKey, { symptoms: 'x' }, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await postReport(server, server.publishableKey, { symptoms: 'x' }, { origin: 'https://notes.acme.example' })).status).toBe(201)
    await sendAs(server, 'PATCH', '/v1/admin/app', server.secretKey, { allowedOrigins: [] })
  })

  it('refuses bad input with precise problems', async () => {
    const cases: [string, string, unknown, number][] = [
      ['POST', '/v1/admin/webhooks', { url: 'http://example.com/hook' }, 422],
      ['POST', '/v1/admin/webhooks', { url: 'https://example.com/hook', events: ['created'] }, 422],
      ['POST', '/v1/admin/keys', { kind: 'secret', name: 'no role' }, 422],
      ['PATCH', '/v1/admin/app', { allowedOrigins: ['https://shop.example/path'] }, 422],
      ['DELETE', '/v1/admin/keys/key_unknown', undefined, 404],
      ['GET', '/v1/admin/webhooks/whk_unknown/deliveries', undefined, 404],
    ]
    for (const [method, path, body, status] of cases) {
      const response = await sendAs(server, method, path, server.secretKey, body)
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status)
    }
  })

  it("never shows or touches another app's keys and webhooks", async () => {
    const webhook = await subscribe(['incident.reopened'])
    const other = await createOtherApp(server)
    expect((await sendAs(server, 'DELETE', `/v1/admin/webhooks/${webhook.id}`, other.secretKey)).status).toBe(404)
    expect((await getAs(server, `/v1/admin/webhooks/${webhook.id}/deliveries`, other.secretKey)).status).toBe(404)
    expect(await (await getAs(server, '/v1/admin/webhooks', other.secretKey)).json()).toEqual([])
    const ourKeys = (await (await getAs(server, '/v1/admin/keys', server.secretKey)).json()) as { id: string }[]
    expect((await sendAs(server, 'DELETE', `/v1/admin/keys/${ourKeys[0]?.id}`, other.secretKey)).status).toBe(404)
  })
})

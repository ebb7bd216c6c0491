import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AppSettings, Incident, ReportCreated, ReportList } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { getAs, postReport, startTestServer } from './harness.ts'

let server: TestServer
let identitySecret: string
beforeAll(async () => {
  server = await startTestServer()
  identitySecret = ((await (await getAs(server, '/v1/admin/app', server.secretKey)).json()) as AppSettings).identitySecret
})
afterAll(() => server.stop())

// What the app's own server does: sign its user's id with the identity secret.
const sign = (userId: string, secret = identitySecret) => createHmac('sha256', secret).update(userId).digest('hex')

function listFor(userId: string, hash: string): Promise<Response> {
  return fetch(`${server.url}/v1/reports`, { headers: { 'x-triage-key': server.publishableKey, 'x-triage-user': userId, 'x-triage-user-hash': hash } })
}

it("lists a verified user's reports across devices, each with a token that opens it", async () => {
  expect(identitySecret).toMatch(/^idsec_/)
  const mine = (await (
    await postReport(server, server.publishableKey, { symptoms: 'Sync fails on my laptop', context: { user: { id: 'u-42', hash: sign('u-42') } } })
  ).json()) as ReportCreated
  const forged = (await (
    await postReport(server, server.publishableKey, { symptoms: 'Pretending to be u-42', context: { user: { id: 'u-42', hash: sign('u-42', 'idsec_wrong') } } })
  ).json()) as ReportCreated
  await postReport(server, server.publishableKey, { symptoms: 'Someone else', context: { user: { id: 'u-7', hash: sign('u-7') } } })

  const response = await listFor('u-42', sign('u-42'))
  expect(response.status).toBe(200)
  const list = (await response.json()) as ReportList
  expect(list.items.map((item) => item.id)).toEqual([mine.id])
  expect(list.items[0]?.reporterToken).toBe(mine.reporterToken)
  expect((await getAs(server, `/v1/reports/${mine.id}`, list.items[0]?.reporterToken ?? '')).status).toBe(200)

  const stored = (await (await getAs(server, `/v1/incidents/${mine.id}`, server.secretKey)).json()) as Incident
  expect(stored.context['user']).toEqual({ id: 'u-42', verified: true })
  const notLinked = (await (await getAs(server, `/v1/incidents/${forged.id}`, server.secretKey)).json()) as Incident
  expect(notLinked.context['user']).toEqual({ id: 'u-42', verified: false })
})

it('refuses a wrong hash with 403 and missing headers with 400', async () => {
  expect((await listFor('u-42', sign('u-43'))).status).toBe(403)
  expect((await listFor('u-42', 'not-hex')).status).toBe(400)
  expect((await fetch(`${server.url}/v1/reports`, { headers: { 'x-triage-key': server.publishableKey } })).status).toBe(400)
})

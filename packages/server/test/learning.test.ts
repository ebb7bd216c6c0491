import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Incident, ReportCreated } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { createOtherApp, getAs, postReport, sendAs, startTestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

async function report(symptoms: string, key = server.publishableKey): Promise<ReportCreated> {
  return (await (await postReport(server, key, { symptoms })).json()) as ReportCreated
}

it('learns from an agent’s category correction: the next similar report follows it, in this app only', async () => {
  const first = await report('The badge printer on floor 3 jams')
  expect(first.category).not.toBe('hardware')
  const corrected = await sendAs(server, 'PATCH', `/v1/incidents/${first.id}`, server.secretKey, { category: 'hardware' })
  expect(((await corrected.json()) as Incident).categorySource).toBe('agent')

  const next = await report('The badge printer on floor 2 jams again')
  expect(next.category).toBe('hardware')
  const ticket = (await (await getAs(server, `/v1/incidents/${next.id}`, server.secretKey)).json()) as Incident
  expect(ticket.categorySource).toBe('auto')
  expect(ticket.reasoning.category.reasons.join(' ')).toMatch(/printer|badge|jam/)

  const other = await createOtherApp(server)
  expect((await report('The badge printer on floor 2 jams again', other.publishableKey)).category).not.toBe('hardware')
})

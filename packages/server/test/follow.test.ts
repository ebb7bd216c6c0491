import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportCreated, ReportView } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { events, postReport, sendAs, startTestServer, uploadFile } from './harness.ts'
import type { ServerEvent } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

describe('GET /v1/reports/:id/events', () => {
  it('streams the current state, then every change, without reloading', async () => {
    const created = (await (await postReport(server, server.publishableKey, { symptoms: 'Search returns nothing' })).json()) as ReportCreated
    const controller = new AbortController()
    const response = await fetch(`${server.url}/v1/reports/${created.id}/events?token=${created.reporterToken}`, { signal: controller.signal })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const stream = events(response)

    const first = (await stream.next()).value as ServerEvent
    expect(first.event).toBe('report')
    expect((JSON.parse(first.data) as ReportView).status).toBe('new')

    await sendAs(server, 'POST', `/v1/incidents/${created.id}/messages`, server.secretKey, { body: 'We are on it', visibility: 'public' })
    const second = (await stream.next()).value as ServerEvent
    const view = JSON.parse(second.data) as ReportView
    expect(view.status).toBe('in_progress')
    expect(view.timeline.find((event) => event.type === 'message')?.body).toBe('We are on it')
    expect(second.id).not.toBe(first.id)
    controller.abort()
  })

  it('brings a file the reporter just attached to their open stream, by name, type and size', async () => {
    const created = (await (await postReport(server, server.publishableKey, { symptoms: 'The export page spins forever' })).json()) as ReportCreated
    const controller = new AbortController()
    const response = await fetch(`${server.url}/v1/reports/${created.id}/events?token=${created.reporterToken}`, { signal: controller.signal })
    const stream = events(response)
    expect(JSON.parse(((await stream.next()).value as ServerEvent).data)).not.toHaveProperty('attachments')
    const log = new TextEncoder().encode('10:42:07 export timed out\n')
    expect((await uploadFile(server, created.id, created.reporterToken, { bytes: log, name: 'export.log', type: 'text/plain' })).status).toBe(201)
    const next = JSON.parse(((await stream.next()).value as ServerEvent).data) as ReportView
    expect(next.attachments).toEqual([{ name: 'export.log', contentType: 'text/plain', size: log.length }])
    controller.abort()
  })

  it('skips the state the client already has (Last-Event-ID) and takes the token from Authorization too', async () => {
    const created = (await (await postReport(server, server.publishableKey, { symptoms: 'Avatar upload fails' })).json()) as ReportCreated
    const current = await fetch(`${server.url}/v1/reports/${created.id}`, { headers: { authorization: `Bearer ${created.reporterToken}` } })
    const version = current.headers.get('etag')?.replace(/"/g, '') ?? ''
    const controller = new AbortController()
    const response = await fetch(`${server.url}/v1/reports/${created.id}/events`, {
      headers: { authorization: `Bearer ${created.reporterToken}`, 'last-event-id': version },
      signal: controller.signal,
    })
    const stream = events(response)
    setTimeout(() => void sendAs(server, 'POST', `/v1/incidents/${created.id}/resolve`, server.secretKey, { resolution: 'x', publicNote: 'Fixed' }), 200)
    const next = (await stream.next()).value as ServerEvent
    expect((JSON.parse(next.data) as ReportView).status).toBe('resolved')
    controller.abort()
  })

  it('refuses a wrong token with a 404 problem before any stream starts', async () => {
    const created = (await (await postReport(server, server.publishableKey, { symptoms: 'x' })).json()) as ReportCreated
    const response = await fetch(`${server.url}/v1/reports/${created.id}/events?token=rt_wrong`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })
})

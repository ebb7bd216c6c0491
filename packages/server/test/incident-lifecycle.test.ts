import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incident, IncidentList, Problem, ReportCreated, ReportView } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { createAgentKey, getAs, postReport, sendAs, startTestServer } from './harness.ts'

let server: TestServer
let l1: string
let l2: string

beforeAll(async () => {
  server = await startTestServer()
  l1 = await createAgentKey(server, 'l1', 'Lea (L1)')
  l2 = await createAgentKey(server, 'l2', 'Sam (L2)')
})
afterAll(() => server.stop())

async function report(symptoms = 'The export button does nothing'): Promise<ReportCreated> {
  const response = await postReport(server, server.publishableKey, { symptoms })
  expect(response.status).toBe(201)
  return (await response.json()) as ReportCreated
}

async function ok<T>(response: Promise<Response>): Promise<T> {
  const answer = await response
  const body = await answer.json()
  expect(answer.status, JSON.stringify(body)).toBe(200)
  return body as T
}

async function conflict(response: Promise<Response>): Promise<Problem> {
  const answer = await response
  expect(answer.status).toBe(409)
  expect(answer.headers.get('content-type')).toBe('application/problem+json')
  return (await answer.json()) as Problem
}

describe('the lifecycle over HTTP', () => {
  it('walks new → in_progress → pending_reporter → in_progress → resolved → closed with the reporter informed', async () => {
    const created = await report()
    const path = `/v1/incidents/${created.id}`

    const replied = await ok<Incident>(sendAs(server, 'POST', `${path}/messages`, l1, { body: 'Which browser do you use?', visibility: 'public' }))
    expect(replied.status).toBe('in_progress')
    expect(replied.sla.firstResponse.state).toBe('met')

    const waiting = await ok<Incident>(sendAs(server, 'POST', `${path}/messages`, l1, { body: 'Can you send a screenshot?', visibility: 'public', awaitReporter: true }))
    expect(waiting.status).toBe('pending_reporter')

    const answered = await ok<ReportView>(sendAs(server, 'POST', `/v1/reports/${created.id}/messages`, created.reporterToken, { body: 'Firefox 140, screenshot attached' }))
    expect(answered.status).toBe('in_progress')

    await ok<Incident>(sendAs(server, 'POST', `${path}/messages`, l1, { body: 'Known export bug in 1.4', visibility: 'internal' }))
    const resolved = await ok<Incident>(sendAs(server, 'POST', `${path}/resolve`, l1, { resolution: 'Hotfix 1.4.1 deployed', publicNote: 'Fixed in 1.4.1: please reload.' }))
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Hotfix 1.4.1 deployed', publicNote: 'Fixed in 1.4.1: please reload.' })
    expect(resolved.resolvedAt).not.toBeNull()

    const view = await ok<ReportView>(getAs(server, `/v1/reports/${created.id}`, created.reporterToken))
    const bodies = view.timeline.map((event) => event.body).filter(Boolean)
    expect(bodies).toEqual(['Which browser do you use?', 'Can you send a screenshot?', 'Firefox 140, screenshot attached', 'Fixed in 1.4.1: please reload.'])
    expect(JSON.stringify(view)).not.toContain('Known export bug')
    expect(JSON.stringify(view)).not.toContain('Hotfix 1.4.1 deployed')
    // Each change once: the resolution is its own entry (with the note), not a second status line.
    expect(view.timeline.filter((event) => event.type === 'status_changed').map((event) => event.status)).toEqual(['in_progress', 'pending_reporter', 'in_progress'])
    expect(view.timeline.at(-1)).toMatchObject({ type: 'resolved', body: 'Fixed in 1.4.1: please reload.' })

    const closed = await ok<ReportView>(sendAs(server, 'POST', `/v1/reports/${created.id}/confirm`, created.reporterToken))
    expect(closed.status).toBe('closed')

    const incident = await ok<Incident>(getAs(server, path, l1))
    const types = incident.timeline.map((event) => event.type)
    expect(types).toEqual(expect.arrayContaining(['created', 'message', 'status_changed', 'resolved', 'closed']))
    expect(incident.timeline.find((event) => event.data['body'] === 'Known export bug in 1.4')?.visibility).toBe('internal')
  })

  it('lets the reporter reopen a resolved report and an agent reopen a closed one', async () => {
    const created = await report()
    await ok(sendAs(server, 'POST', `/v1/incidents/${created.id}/resolve`, l1, { resolution: 'cache cleared' }))
    const reopened = await ok<ReportView>(sendAs(server, 'POST', `/v1/reports/${created.id}/reopen`, created.reporterToken, { reason: 'still broken' }))
    expect(reopened.status).toBe('in_progress')
    await ok(sendAs(server, 'POST', `/v1/incidents/${created.id}/resolve`, l1, { resolution: 'really fixed' }))
    await ok(sendAs(server, 'POST', `/v1/incidents/${created.id}/close`, l1))
    const again = await ok<Incident>(sendAs(server, 'POST', `/v1/incidents/${created.id}/reopen`, l1, { reason: 'regressed' }))
    expect(again).toMatchObject({ status: 'in_progress', resolvedAt: null, closedAt: null })
  })

  it('refuses illegal transitions with 409 and the allowed statuses', async () => {
    const created = await report()
    const path = `/v1/incidents/${created.id}`
    expect((await conflict(sendAs(server, 'POST', `${path}/close`, l1))).allowed).toEqual(['in_progress', 'resolved'])
    expect((await conflict(sendAs(server, 'POST', `${path}/reopen`, l1))).detail).toMatch(/still open/)
    await conflict(sendAs(server, 'POST', `/v1/reports/${created.id}/confirm`, created.reporterToken))
    await ok(sendAs(server, 'POST', `${path}/resolve`, l1, { resolution: 'fixed at first contact' }))
    expect((await conflict(sendAs(server, 'POST', `${path}/resolve`, l1, { resolution: 'again' }))).allowed).toEqual(['closed', 'in_progress'])
    await conflict(sendAs(server, 'POST', `${path}/escalate`, l1, { tier: 'L2', reason: 'too late' }))
  })

  it('escalates L1 → L2 → L3 with the reason on record, out of the lower tiers’ sight', async () => {
    const created = await report()
    const path = `/v1/incidents/${created.id}`
    const escalated = await ok<Incident>(sendAs(server, 'POST', `${path}/escalate`, l1, { tier: 'L2', reason: 'needs a database specialist' }))
    expect(escalated).toMatchObject({ tier: 'L2', status: 'in_progress' })
    expect(escalated.timeline.find((event) => event.type === 'escalated')?.data).toEqual({ from: 'L1', tier: 'L2', reason: 'needs a database specialist' })

    expect((await getAs(server, path, l1)).status).toBe(404)
    const l1Queue = await ok<IncidentList>(getAs(server, '/v1/incidents?limit=200', l1))
    expect(l1Queue.items.map((item) => item.id)).not.toContain(created.id)
    expect(l1Queue.items.every((item) => item.tier === 'L1')).toBe(true)

    await conflict(sendAs(server, 'POST', `${path}/escalate`, l2, { tier: 'L2', reason: 'sideways' }))
    const top = await ok<Incident>(sendAs(server, 'POST', `${path}/escalate`, l2, { tier: 'L3', reason: 'root cause in the engine' }))
    expect(top.tier).toBe('L3')
    expect((await getAs(server, path, l2)).status).toBe(404)
    expect((await getAs(server, path, server.secretKey)).status).toBe(200)
  })

  it('recomputes priority from corrected impact and urgency and records an agent category', async () => {
    const created = await report('A typo on the settings page, a small bug')
    const patched = await ok<Incident>(sendAs(server, 'PATCH', `/v1/incidents/${created.id}`, l1, { impact: 'high', urgency: 'high', category: 'billing', assignee: 'lea' }))
    expect(patched).toMatchObject({
      impact: 'high',
      urgency: 'high',
      priority: 'P1',
      category: 'billing',
      categorySource: 'agent',
      categoryConfidence: 1,
      assignee: 'lea',
      status: 'in_progress',
    })
    // P1 targets (1 h / 4 h) now run from the report's creation.
    const createdAt = Date.parse(patched.createdAt)
    expect(Date.parse(patched.sla.firstResponse.dueAt ?? '')).toBe(createdAt + 3_600_000)
    expect(Date.parse(patched.sla.resolution.dueAt ?? '')).toBe(createdAt + 4 * 3_600_000)
    const categorized = patched.timeline.filter((event) => event.type === 'categorized').at(-1)
    expect(categorized?.data).toMatchObject({ category: 'billing', source: 'agent' })
    expect(patched.timeline.some((event) => event.type === 'assigned' && event.data['assignee'] === 'lea')).toBe(true)
  })

  it('validates action bodies with precise 4xx', async () => {
    const created = await report()
    const path = `/v1/incidents/${created.id}`
    const bad = async (method: string, suffix: string, body: unknown, status: number) => {
      const response = await sendAs(server, method, `${path}${suffix}`, l1, body)
      expect(response.status, `${method} ${suffix} ${JSON.stringify(body)}`).toBe(status)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
    }
    await bad('POST', '/messages', { body: 'hi', visibility: 'everyone' }, 422)
    await bad('POST', '/messages', { body: '', visibility: 'public' }, 422)
    await bad('POST', '/messages', undefined, 415)
    await bad('POST', '/escalate', { tier: 'L4', reason: 'x' }, 422)
    await bad('POST', '/escalate', { tier: 'L2' }, 422)
    await bad('POST', '/resolve', {}, 422)
    await bad('PATCH', '', {}, 422)
    await bad('PATCH', '', { priority: 'P1' }, 422)
    await bad('POST', '/close', { reason: 42 }, 422)
    const malformed = await fetch(`${server.url}${path}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${l1}`, 'content-type': 'application/json' },
      body: '{"body":',
    })
    expect(malformed.status).toBe(400)
    expect((await sendAs(server, 'POST', `/v1/incidents/inc_missing/resolve`, l1, { resolution: 'x' })).status).toBe(404)
    expect((await sendAs(server, 'POST', `/v1/reports/${created.id}/messages`, 'rt_wrong', { body: 'hi' })).status).toBe(404)
  })
})

/**
 * Privacy (#19) over HTTP, the same on Node (libSQL file) and Workers (D1 and R2 in workerd): one
 * person's export holds exactly their reports, complete; after their erasure no read route gives
 * back what they wrote while another reporter is untouched and metrics do not move; the scheduled
 * privacy sweep anonymizes only closed incidents past the app's retention; the audit trail says
 * who did what.
 */
import { describe, expect, it } from 'vitest'
import type { AttachmentCreated, AuditList, DiagnosticsResult, ErasureResult, Incident, Metrics, ReportCreated, ReporterExport, Webhook, WebhookDelivery } from '@triage/protocol'
import { tinyPng } from '../fixtures/images.ts'
import { expectProblem, getAs, postReport, sendAs, uploadFile } from '../harness.ts'
import { retainedWords } from './fixture.ts'
import type { FlowTarget } from './target.ts'

/** What Marisol wrote or left: none of it may come back after her erasure. */
const erasedStrings = ['Vandersloot', 'vandersloot', 'Marisol', 'MV-30311', 'SlootBrowser', 'vandersloot-card.png']

export function describePrivacyFlows(current: () => FlowTarget): void {
  const app = () => current().fixture.apps.privacy
  const get = (path: string) => getAs(current(), path, app().secretKey)
  const json = async <T>(path: string) => {
    const response = await get(path)
    expect([path, response.status]).toEqual([path, 200])
    return (await response.json()) as T
  }
  const file = async (body: object): Promise<ReportCreated> => {
    const response = await postReport(current(), app().publishableKey, body as never)
    expect(response.status).toBe(201)
    return (await response.json()) as ReportCreated
  }
  const expectNoneOf = (text: string, where: string) => expect([where, erasedStrings.filter((one) => text.includes(one))]).toEqual([where, []])
  const deflect = async () =>
    (
      await fetch(`${current().url}/v1/diagnostics?symptoms=${encodeURIComponent('The shipping label printer fails with error 504')}`, {
        headers: { 'x-triage-key': app().publishableKey },
      })
    ).text()

  describe('privacy', () => {
    let first: ReportCreated
    let second: ReportCreated
    let other: ReportCreated
    let attachment: AttachmentCreated
    let webhook: Webhook
    let metricsBefore: Metrics
    let metricsWindow: string

    it("exports exactly one person's two reports, complete, found by her e-mail without case", async () => {
      webhook = (await (await sendAs(current(), 'POST', '/v1/admin/webhooks', app().secretKey, { url: 'https://hooks.example/privacy' })).json()) as Webhook
      first = await file({
        symptoms: 'The shipping label printer fails with error 504 for Vandersloot',
        contact: { name: 'Marisol Vandersloot', email: 'marisol@example.com' },
        context: { url: 'https://shop.example/labels?customer=vandersloot', userAgent: 'SlootBrowser/2.0' },
      })
      second = await file({ symptoms: 'Vandersloot cannot download invoice MV-30311', contact: { email: 'Marisol@Example.com' } })
      other = await file({ symptoms: 'The shipping label printer fails with error 504 for Ingeborg', contact: { name: 'Ingeborg Thale', email: 'ingeborg@example.com' } })
      const uploaded = await uploadFile(current(), second.id, second.reporterToken, { bytes: tinyPng(), name: 'vandersloot-card.png', type: 'image/png' })
      expect(uploaded.status).toBe(201)
      attachment = (await uploaded.json()) as AttachmentCreated
      const said = await fetch(`${current().url}/v1/reports/${second.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${second.reporterToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'Marisol here: it is invoice MV-30311 again' }),
      })
      expect(said.status).toBe(200)
      const resolved = await sendAs(current(), 'POST', `/v1/incidents/${first.id}/resolve`, app().secretKey, {
        resolution: 'Printer driver updated',
        publicNote: 'Fixed: print the label again.',
      })
      expect(resolved.status).toBe(200)

      const exported = await json<ReporterExport>(`/v1/admin/reporters/export?email=${encodeURIComponent('MARISOL@example.com')}`)
      expect(exported.incidents.map((incident) => incident.id)).toEqual([first.id, second.id])
      expect(exported.nextCursor).toBeNull()
      expect(exported.incidents[0]).toMatchObject({
        symptoms: expect.stringContaining('Vandersloot'),
        contact: { name: 'Marisol Vandersloot', email: 'marisol@example.com' },
        context: { userAgent: 'SlootBrowser/2.0' },
      })
      expect(exported.incidents[0]?.timeline.at(-1)).toMatchObject({ type: 'resolved', body: 'Fixed: print the label again.' })
      expect(exported.incidents[1]?.timeline.filter((event) => event.type === 'message')).toEqual([
        expect.objectContaining({ author: 'reporter', body: 'Marisol here: it is invoice MV-30311 again' }),
      ])
      expect(exported.incidents[1]?.attachments).toEqual([
        expect.objectContaining({ id: attachment.id, name: 'vandersloot-card.png', href: `/v1/incidents/${second.id}/attachments/${attachment.id}` }),
      ])
      expect(JSON.stringify(exported)).not.toContain('Ingeborg')
    })

    it("erases her reports, and no read route gives back what she wrote while the other reporter's stays", async () => {
      // Before: her words are found, so the checks after cannot pass by accident.
      expect(await (await get('/v1/incidents?limit=200&q=vandersloot')).text()).toContain(first.id)
      expect(await deflect()).toContain('Fixed: print the label again.')
      expect((await json<Incident>(`/v1/incidents/${other.id}`)).similar.map((similar) => similar.id)).toContain(first.id)
      // A fixed window: by default it ends now, which moves.
      const window = await json<Metrics>('/v1/metrics')
      metricsWindow = `from=${encodeURIComponent(window.from)}&to=${encodeURIComponent(window.to)}`
      metricsBefore = await json<Metrics>(`/v1/metrics?${metricsWindow}`)

      const erased = await sendAs(current(), 'POST', '/v1/admin/reporters/erase', app().secretKey, { email: 'marisol@example.com' })
      expect(erased.status).toBe(200)
      expect((await erased.json()) as ErasureResult).toEqual({ incidents: 2 })

      for (const report of [first, second]) {
        const ticket = await json<Incident>(`/v1/incidents/${report.id}`)
        expectNoneOf(JSON.stringify(ticket), `the ticket ${ticket.number}`)
        expect(ticket).toMatchObject({ symptoms: '[erased]', attachments: [], similar: [] })
      }
      expect((await json<Incident>(`/v1/incidents/${first.id}`)).resolution).toBe('Printer driver updated')
      const listed = await (await get('/v1/incidents?limit=200')).text()
      expectNoneOf(listed, 'the list')
      expect(listed).toContain('Ingeborg Thale')
      for (const word of ['vandersloot', 'Marisol', 'MV-30311'])
        expect((await json<{ items: unknown[] }>(`/v1/incidents?limit=200&q=${encodeURIComponent(word)}`)).items).toEqual([])
      const kept = await json<Incident>(`/v1/incidents/${other.id}`)
      expect(kept.contact).toEqual({ name: 'Ingeborg Thale', email: 'ingeborg@example.com' })
      expect(kept.similar.map((similar) => similar.id)).not.toContain(first.id)
      const deflection = await deflect()
      expectNoneOf(deflection, 'diagnostics')
      expect((JSON.parse(deflection) as DiagnosticsResult).similar.map((similar) => similar.number)).not.toContain(first.number)
      await expectProblem(await get(`/v1/incidents/${second.id}/attachments/${attachment.id}`), 404, 'not_found')
      await expectProblem(await getAs(current(), `/v1/reports/${second.id}`, second.reporterToken), 410, 'erased')
      await expectProblem(await fetch(`${current().url}/v1/reports/${second.id}/events?token=${second.reporterToken}`), 410, 'erased')
      expect((await getAs(current(), `/v1/reports/${other.id}`, other.reporterToken)).status).toBe(200)
      // Integrations are told to erase their copies.
      const types = (await json<WebhookDelivery[]>(`/v1/admin/webhooks/${webhook.id}/deliveries`)).map((delivery) => delivery.eventType)
      expect(types.filter((type) => type === 'incident.erased')).toHaveLength(2)
    })

    it('leaves the metrics as they were', async () => {
      expect(await json<Metrics>(`/v1/metrics?${metricsWindow}`)).toEqual(metricsBefore)
    })

    it('holds the export, the erasure and the ticket reads in the audit trail, with the key that did them', async () => {
      const trail = await json<AuditList>('/v1/admin/audit?limit=200')
      const by = (action: string) => trail.items.filter((entry) => entry.action === action)
      expect(
        by('reporter.exported')
          .map((entry) => entry.incidentId)
          .sort(),
      ).toEqual([first.id, second.id].sort())
      expect(by('reporter.erasure_requested')).toEqual([
        expect.objectContaining({ actor: { name: 'Flows: privacy admin', id: expect.any(String) }, details: expect.objectContaining({ incidents: 2 }) }),
      ])
      expect(
        by('incident.erased')
          .map((entry) => entry.incidentId)
          .sort(),
      ).toEqual([first.id, second.id].sort())
      expect(by('incident.read').map((entry) => entry.incidentId)).toEqual(expect.arrayContaining([first.id, second.id, other.id]))
      for (const entry of trail.items) expect(entry.actor.name).toBe('Flows: privacy admin')
      expectNoneOf(JSON.stringify(trail), 'the audit trail')
    })

    it("anonymizes, on the scheduled run, only the closed incidents past the app's retention", async () => {
      const { closedLongAgoId, closedRecentlyId } = current().fixture
      expect((await sendAs(current(), 'PATCH', '/v1/admin/app', app().secretKey, { retentionDays: 30 })).status).toBe(200)
      await current().runScheduled()
      const longAgo = await json<Incident>(`/v1/incidents/${closedLongAgoId}`)
      expect(longAgo).toMatchObject({ symptoms: '[erased]', status: 'closed', resolution: 'Re-ran the payroll job' })
      expect(JSON.stringify(longAgo)).not.toContain(retainedWords.longAgo)
      const recently = await json<Incident>(`/v1/incidents/${closedRecentlyId}`)
      expect(recently.symptoms).toContain(retainedWords.recently)
      expect((await json<Incident>(`/v1/incidents/${other.id}`)).contact.name).toBe('Ingeborg Thale')
      const trail = await json<AuditList>('/v1/admin/audit?actor=retention')
      expect(trail.items.map((entry) => [entry.action, entry.incidentId])).toEqual([['incident.anonymized', closedLongAgoId]])
    })
  })
}

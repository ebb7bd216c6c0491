/**
 * Attachments over HTTP, the same on Node (bytes in the libSQL file) and Workers (bytes in R2,
 * wrangler's local simulation): what the reporter sends, the agent downloads byte for byte; what
 * must be refused is refused with a problem; tenants and tiers stay apart.
 */
import { describe, expect, it } from 'vitest'
import type { AttachmentCreated, Incident, ReportCreated, ReportView } from '@triage/protocol'
import { tinyPng } from '../fixtures/images.ts'
import { expectProblem, getAs, postReport, sendAs, sha256Hex, uploadFile } from '../harness.ts'
import type { FlowTarget } from './target.ts'

const text = (value: string) => new TextEncoder().encode(value)

export function describeAttachmentFlows(current: () => FlowTarget): void {
  const app = () => current().fixture.apps.attachments
  const newReport = async (symptoms: string): Promise<ReportCreated> => {
    const response = await postReport(current(), app().publishableKey, { symptoms })
    expect(response.status).toBe(201)
    return (await response.json()) as ReportCreated
  }
  const download = (report: { id: string }, attachmentId: string, key = app().secretKey) => getAs(current(), `/v1/incidents/${report.id}/attachments/${attachmentId}`, key)

  describe('attachments', () => {
    const screenshot = tinyPng()
    const log = text('2026-12-04T10:00:00Z ERROR checkout: card declined (code 502)\n2026-12-04T10:00:01Z INFO retrying\n')
    let report: ReportCreated
    let stored: AttachmentCreated[]

    it('stores a screenshot and a log the reporter attaches, and answers 201 with what was stored', async () => {
      report = await newReport('Checkout fails with a 502 error after entering my card')
      const responses = [
        await uploadFile(current(), report.id, report.reporterToken, { bytes: screenshot, name: 'checkout.png', type: 'image/png' }),
        await uploadFile(current(), report.id, report.reporterToken, { bytes: log, name: 'console.log', type: 'text/x-log' }),
      ]
      expect(responses.map((response) => response.status)).toEqual([201, 201])
      stored = (await Promise.all(responses.map((response) => response.json()))) as AttachmentCreated[]
      expect(stored).toEqual([
        { id: expect.stringMatching(/^att_/), name: 'checkout.png', contentType: 'image/png', size: screenshot.length },
        { id: expect.stringMatching(/^att_/), name: 'console.log', contentType: 'text/plain', size: log.length },
      ])
    })

    it('lists them on the enriched ticket, and the agent downloads the exact bytes with safe headers', async () => {
      const incident = (await (await getAs(current(), `/v1/incidents/${report.id}`, app().secretKey)).json()) as Incident
      expect(incident.attachments).toEqual(stored.map((attachment) => ({ ...attachment, createdAt: expect.any(String) })))
      expect(incident.timeline.filter((event) => event.type === 'attached')).toHaveLength(2)

      const image = await download(report, stored[0]!.id)
      expect(image.status).toBe(200)
      expect(await sha256Hex(await image.arrayBuffer())).toBe(await sha256Hex(screenshot))
      expect(image.headers.get('content-type')).toBe('image/png')
      expect(image.headers.get('content-disposition')).toMatch(/^inline; filename="checkout\.png"/)
      expect(image.headers.get('x-content-type-options')).toBe('nosniff')
      expect(image.headers.get('content-security-policy')).toBe('sandbox')
      expect(image.headers.get('etag')).toBe(`"${await sha256Hex(screenshot)}"`)

      const saved = await download(report, stored[1]!.id)
      expect(new Uint8Array(await saved.arrayBuffer())).toEqual(log)
      expect(saved.headers.get('content-type')).toBe('text/plain; charset=utf-8')
      expect(saved.headers.get('content-disposition')).toMatch(/^attachment; filename="console\.log"/)
      expect(saved.headers.get('x-content-type-options')).toBe('nosniff')
      expect(saved.headers.get('content-security-policy')).toBe('sandbox')
    })

    it("shows the reporter their own files on their view of the report (no way to download them: that is the agents')", async () => {
      const view = (await (await fetch(`${current().url}/v1/reports/${report.id}`, { headers: { authorization: `Bearer ${report.reporterToken}` } })).json()) as ReportView
      expect(view.attachments).toEqual([
        { name: 'checkout.png', contentType: 'image/png', size: screenshot.length },
        { name: 'console.log', contentType: 'text/plain', size: log.length },
      ])
      // A report without files says nothing of them.
      const plain = await newReport('The export button does nothing at all')
      const plainView = (await (await fetch(`${current().url}/v1/reports/${plain.id}`, { headers: { authorization: `Bearer ${plain.reporterToken}` } })).json()) as ReportView
      expect(plainView).not.toHaveProperty('attachments')
    })

    it('takes a screenshot with the report itself, in one multipart request', async () => {
      const form = new FormData()
      form.append('report', JSON.stringify({ symptoms: 'The invoices page is blank after login' }))
      form.append('file', new Blob([screenshot], { type: 'image/png' }), 'screenshot.png')
      const response = await fetch(`${current().url}/v1/reports`, { method: 'POST', headers: { 'x-triage-key': app().publishableKey }, body: form })
      expect(response.status).toBe(201)
      const created = (await response.json()) as ReportCreated
      expect(created.reporterToken).toMatch(/^rt_/)
      expect(created.attachments).toEqual([{ id: expect.stringMatching(/^att_/), name: 'screenshot.png', contentType: 'image/png', size: screenshot.length }])
      const image = await download(created, created.attachments![0]!.id)
      expect(await sha256Hex(await image.arrayBuffer())).toBe(await sha256Hex(screenshot))
    })

    it('refuses HTML sent as a PNG and an SVG with 415 problem+json, and stores neither', async () => {
      const html = await uploadFile(current(), report.id, report.reporterToken, {
        bytes: text('<!DOCTYPE html><script>alert(document.cookie)</script>'),
        name: 'cute.png',
        type: 'image/png',
      })
      await expectProblem(html, 415, 'unsupported_media_type')
      const svg = await uploadFile(current(), report.id, report.reporterToken, {
        bytes: text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        name: 'logo.svg',
        type: 'image/svg+xml',
      })
      await expectProblem(svg, 415, 'unsupported_media_type')
      const incident = (await (await getAs(current(), `/v1/incidents/${report.id}`, app().secretKey)).json()) as Incident
      expect(incident.attachments).toHaveLength(2)
    })

    it('refuses a file over 10 MB with 413 problem+json, never a reset connection', async () => {
      const justOver = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61)
      await expectProblem(await uploadFile(current(), report.id, report.reporterToken, { bytes: justOver, name: 'big.log', type: 'text/plain' }), 413, 'payload_too_large')
      const photo = new Uint8Array(12 * 1024 * 1024).fill(0x61)
      await expectProblem(await uploadFile(current(), report.id, report.reporterToken, { bytes: photo, name: 'photo.log' }), 413, 'payload_too_large')
    }, 60_000)

    it("answers 404 to another app's key and to a key below the incident's tier, as if the file did not exist", async () => {
      const other = current().fixture.apps.core.secretKey
      await expectProblem(await download(report, stored[0]!.id, other), 404, 'not_found')
      // An L1 agent sees this L1 ticket's files, until it is escalated to L2.
      expect((await download(report, stored[0]!.id, current().fixture.attachmentsL1Key)).status).toBe(200)
      const escalated = await sendAs(current(), 'POST', `/v1/incidents/${report.id}/escalate`, app().secretKey, { tier: 'L2', reason: 'Payments team' })
      expect(escalated.status).toBe(200)
      await expectProblem(await download(report, stored[0]!.id, current().fixture.attachmentsL1Key), 404, 'not_found')
      await expectProblem(await download(report, 'att_unknown'), 404, 'not_found')
    })

    it('stores one attachment for concurrent retries with one Idempotency-Key', async () => {
      const retried = await newReport('The export button does nothing on the invoices page')
      const key = crypto.randomUUID()
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          uploadFile(current(), retried.id, retried.reporterToken, { bytes: screenshot, name: 'export.png', type: 'image/png' }, { 'idempotency-key': key }),
        ),
      )
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201])
      const answers = (await Promise.all(responses.map((response) => response.json()))) as AttachmentCreated[]
      expect(new Set(answers.map((answer) => answer.id)).size).toBe(1)
      expect(responses.filter((response) => response.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1)
      const incident = (await (await getAs(current(), `/v1/incidents/${retried.id}`, app().secretKey)).json()) as Incident
      expect(incident.attachments.map((attachment) => attachment.id)).toEqual([answers[0]!.id])
    })
  })
}

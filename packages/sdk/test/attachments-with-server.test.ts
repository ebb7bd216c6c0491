import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incident, IncidentList } from '@triage/protocol'
import type { EphemeralServer } from '@triage/testing/ephemeral-server'
import { startEphemeralServer } from '@triage/testing/ephemeral-server'
import type { Report, TriageClient } from '@triage/sdk'
import { createTriage, memoryStorage, TriageError } from '@triage/sdk'

// The SDK's files against the real server over HTTP: a report with its files in one request, a
// file attached later, retries under one idempotency key, and the server's refusals as TriageErrors.
let server: EphemeralServer
beforeAll(async () => {
  server = await startEphemeralServer({ rateLimitPerMinute: 10_000 })
})
afterAll(() => server.stop())

/** A 1×1 PNG. */
const png = () =>
  new File([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')], 'checkout.png', { type: 'image/png' })
const log = () => new File(['12:00:01 TypeError: rows is undefined\n'], 'console.log', { type: 'text/plain' })
const sha256 = async (blob: Blob) =>
  createHash('sha256')
    .update(new Uint8Array(await blob.arrayBuffer()))
    .digest('hex')

const client = (fetchWith?: typeof fetch): TriageClient =>
  createTriage({ endpoint: server.url, key: server.publishableKey, storage: memoryStorage(), retry: { attempts: 4, baseDelayMs: 1 }, ...(fetchWith && { fetch: fetchWith }) })

const asAgent = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.secretKey}` } })
const incident = async (id: string) => (await (await asAgent(`/v1/incidents/${id}`)).json()) as Incident
async function incidentsWith(symptoms: string): Promise<number> {
  const list = (await (await asAgent('/v1/incidents?limit=200')).json()) as IncidentList
  return list.items.filter((item) => item.symptoms === symptoms).length
}
const sent = (answer: Awaited<ReturnType<TriageClient['report']>>): Report => {
  if (answer.status === 'queued') throw new Error('the report was queued')
  return answer
}

/** A fetch whose first answer to each idempotency key is lost on the way back (the server did the work). */
function losingFirstAnswers() {
  const seen = new Set<string>()
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init)
    const key = new Headers(init?.headers).get('idempotency-key')
    if (key && !seen.has(key)) {
      seen.add(key)
      throw new TypeError('connection reset after the request was sent')
    }
    return response
  }
  return wrapped
}

describe('report({ attachments })', () => {
  it('sends the files with the report in one request; the agent downloads the same bytes', async () => {
    const files = [png(), log()]
    const report = sent(await client().report({ symptoms: 'Checkout page is blank, screenshot attached', attachments: files }))
    expect(report.attachments).toEqual([
      { id: expect.stringMatching(/^att_/), name: 'checkout.png', contentType: 'image/png', size: files[0]!.size },
      { id: expect.stringMatching(/^att_/), name: 'console.log', contentType: 'text/plain', size: files[1]!.size },
    ])
    const { attachments } = await incident(report.id)
    expect(attachments.map((attachment) => attachment.id)).toEqual(report.attachments?.map((attachment) => attachment.id))
    for (const [index, attachment] of attachments.entries()) {
      const download = await asAgent(`/v1/incidents/${report.id}/attachments/${attachment.id}`)
      expect(await sha256(await download.blob())).toBe(await sha256(files[index]!))
    }
  })

  it('files one report with one set of files when the answer is lost and the SDK retries under its key', async () => {
    const symptoms = 'Export button answers nothing, retried upload'
    const report = sent(await client(losingFirstAnswers()).report({ symptoms, attachments: [png()] }))
    expect(await incidentsWith(symptoms)).toBe(1)
    expect((await incident(report.id)).attachments).toHaveLength(1)
  })

  it('keeps the files of a report queued while the server is out of reach, and sends them with it once when it is back', async () => {
    // Node has no IndexedDB: the files wait in the client's memory, as they do in a page that has none.
    let down = true
    const flaky: typeof fetch = (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init))
    const triage = client(flaky)
    const symptoms = 'Report with a log, filed during an outage'
    const files = [log(), png()]
    expect(await triage.report({ symptoms, attachments: files })).toMatchObject({ status: 'queued', symptoms })
    down = false
    expect(await triage.flush()).toEqual({ sent: 1, pending: 0 })
    expect(await triage.flush()).toEqual({ sent: 0, pending: 0 })
    const list = (await (await asAgent('/v1/incidents?limit=200')).json()) as IncidentList
    const [queued] = list.items.filter((item) => item.symptoms === symptoms)
    const { attachments } = await incident(queued!.id)
    expect(attachments.map((attachment) => attachment.name)).toEqual(['console.log', 'checkout.png'])
    for (const [index, attachment] of attachments.entries()) {
      const download = await asAgent(`/v1/incidents/${queued!.id}/attachments/${attachment.id}`)
      expect(await sha256(await download.blob())).toBe(await sha256(files[index]!))
    }
    triage.close()
  })

  it('rejects with the server’s 415 as a TriageError, and files no report, when a file is not accepted', async () => {
    const symptoms = 'A page that is really HTML, sent as a PNG'
    const html = new File(['<!DOCTYPE html><script>alert(1)</script>'], 'cute.png', { type: 'image/png' })
    const failure = await client()
      .report({ symptoms, attachments: [html] })
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(TriageError)
    expect(failure).toMatchObject({ status: 415, retryable: false })
    expect((failure as TriageError).detail).not.toBe('')
    expect(await incidentsWith(symptoms)).toBe(0)
  })
})

describe('attach(reportId, file)', () => {
  it('adds a file to a report with the token this browser kept, and a retry under one key stores it once', async () => {
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, storage: memoryStorage(), retry: { attempts: 4, baseDelayMs: 1 }, fetch: losingFirstAnswers() })
    const report = sent(await triage.report({ symptoms: 'Invoices are missing a line, PDF to follow' }))
    const attached = await triage.attach(report.id, log())
    expect(attached).toEqual({ id: expect.stringMatching(/^att_/), name: 'console.log', contentType: 'text/plain', size: log().size })
    // The same key again (the app's own retry): the same attachment, not a second one.
    const again = await client().attach(report.id, log(), { token: report.reporterToken, idempotencyKey: 'retry-of-the-log-0001' })
    const replayed = await client().attach(report.id, log(), { token: report.reporterToken, idempotencyKey: 'retry-of-the-log-0001' })
    expect(replayed.id).toBe(again.id)
    expect((await incident(report.id)).attachments.map((attachment) => attachment.id)).toEqual([attached.id, again.id])
  })

  it('rejects with a TriageError: 413 for a file over 10 MB, no_token without a token, 404 with a wrong one', async () => {
    const report = sent(await client().report({ symptoms: 'A very large log file for the export' }))
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61)], 'big.log', { type: 'text/plain' })
    await expect(client().attach(report.id, big, { token: report.reporterToken })).rejects.toMatchObject({ status: 413, code: 'payload_too_large' })
    await expect(client().attach(report.id, log())).rejects.toMatchObject({ code: 'no_token', status: 0 })
    await expect(client().attach(report.id, log(), { token: 'rt_not_the_token' })).rejects.toMatchObject({ status: 404 })
    expect((await incident(report.id)).attachments).toEqual([])
  })
})

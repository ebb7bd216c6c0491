/**
 * Attachments on the Node server, beyond the flows both runtimes share (flows/attachment-flows.ts):
 * what is stored (metadata stripped, each byte once, in the data directory), the limits, uploads
 * that do not finish, webhooks, and erasure.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AttachmentCreated, Incident, IncidentList, ReportCreated, WebhookPayload } from '@triage/protocol'
import { eraseIncidentAttachments } from '../src/attachments/service.ts'
import { runCli } from '../src/cli.ts'
import { stripMetadata } from '../src/attachments/metadata.ts'
import { dispatchWebhooks } from '../src/jobs/webhook-dispatch.ts'
import { chunkBytes } from '../src/storage/blobs-sql.ts'
import { cameraMake, cameraSerial, containsBytes, jpegWithGps, plainJpeg, tinyPng } from './fixtures/images.ts'
import type { TestServer } from './harness.ts'
import { expectProblem, getAs, postReport, sendAs, sha256Hex, startTestServer, uploadFile } from './harness.ts'

const text = (value: string) => new TextEncoder().encode(value)
const megabytes = (n: number, fill = 0x61) => new Uint8Array(Math.round(n * 1024 * 1024)).fill(fill)

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 })
})
afterAll(() => server.stop())

async function newReport(target: TestServer = server, symptoms = 'The checkout page shows an error after I pay'): Promise<ReportCreated> {
  const response = await postReport(target, target.publishableKey, { symptoms })
  expect(response.status).toBe(201)
  return (await response.json()) as ReportCreated
}

async function attach(
  report: ReportCreated,
  bytes: Uint8Array,
  name: string,
  type = '',
  target: TestServer = server,
  headers: Record<string, string> = {},
): Promise<AttachmentCreated> {
  const response = await uploadFile(target, report.id, report.reporterToken, { bytes, name, type }, headers)
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()) as AttachmentCreated
}

async function ticket(report: { id: string }, target: TestServer = server): Promise<Incident> {
  return (await (await getAs(target, `/v1/incidents/${report.id}`, target.secretKey)).json()) as Incident
}

async function downloaded(report: { id: string }, attachmentId: string, target: TestServer = server): Promise<Uint8Array> {
  const response = await getAs(target, `/v1/incidents/${report.id}/attachments/${attachmentId}`, target.secretKey)
  expect(response.status).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

/** Rows of a table, counted straight from the database file. */
async function count(table: 'attachments' | 'attachment_chunks', where = sql`1`, target: TestServer = server): Promise<number> {
  const [row] = await target.db.all<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)} where ${where}`)
  return Number(row?.n)
}

async function usage(appId = 'app_demo', target: TestServer = server): Promise<number> {
  const [row] = await target.db.all<{ bytes: number }>(sql`select bytes from attachment_usage where app_id = ${appId}`)
  return Number(row?.bytes ?? 0)
}

describe('what is stored', () => {
  it('strips the GPS position, camera make and serial from a JPEG before storing it, keeping its orientation', async () => {
    const report = await newReport()
    const photo = jpegWithGps(plainJpeg, 6)
    expect(containsBytes(photo, cameraSerial)).toBe(true)
    const stored = await attach(report, photo, 'IMG_0042.jpg', 'image/jpeg')
    const bytes = await downloaded(report, stored.id)
    expect(containsBytes(bytes, cameraSerial)).toBe(false)
    expect(containsBytes(bytes, cameraMake)).toBe(false)
    // The GPS IFD's latitude, 48/1 51/1 29/1 as little-endian rationals, is gone too.
    expect(containsBytes(bytes, new Uint8Array([48, 0, 0, 0, 1, 0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0]))).toBe(false)
    expect(stored.size).toBe(bytes.length)
    expect(bytes).toEqual(stripMetadata(photo, 'image/jpeg'))
    // What was recorded is the hash of what is stored.
    const event = (await ticket(report)).timeline.find((entry) => entry.type === 'attached')
    expect(event?.data).toEqual({ attachment: { ...stored, sha256: await sha256Hex(bytes) } })
  })

  it('stores the same bytes once, in 1 MiB rows, and streams a multi-chunk file back whole', async () => {
    const log = megabytes(2.5, 0x62)
    log.set(text('2026-12-04 ERROR first line\n'))
    const [first, second] = [await newReport(), await newReport()]
    const one = await attach(first, log, 'server.log', 'text/plain')
    const two = await attach(second, log, 'server-copy.log', 'text/plain')
    const hash = await sha256Hex(log)
    expect(await count('attachments', sql`sha256 = ${hash}`)).toBe(2)
    expect(await count('attachment_chunks', sql`sha256 = ${hash}`)).toBe(Math.ceil(log.length / chunkBytes))
    expect(await sha256Hex(await downloaded(first, one.id))).toBe(hash)
    expect(await sha256Hex(await downloaded(second, two.id))).toBe(hash)
  })

  it('answers 304 to If-None-Match with the ETag, which is the SHA-256 of the bytes', async () => {
    const report = await newReport()
    const stored = await attach(report, tinyPng(), 'a.png')
    const path = `${server.url}/v1/incidents/${report.id}/attachments/${stored.id}`
    const first = await fetch(path, { headers: { authorization: `Bearer ${server.secretKey}` } })
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toBe(`"${await sha256Hex(tinyPng())}"`)
    expect(first.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(await sha256Hex(tinyPng()), 'hex').toString('base64')}:`)
    await first.arrayBuffer()
    const again = await fetch(path, { headers: { authorization: `Bearer ${server.secretKey}`, 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it('backs up online: `triage backup` while the server runs, served by a new server, gives back the same bytes', async () => {
    const report = await newReport()
    const stored = await attach(report, jpegWithGps(), 'photo.jpg', 'image/jpeg')
    const hash = await sha256Hex(await downloaded(report, stored.id))
    const folder = mkdtempSync(join(tmpdir(), 'triage-backup-'))
    const backup = await runCli(['backup', '--to', join(folder, 'triage.db')], `file:${join(server.dataDirectory, 'triage.db')}`)
    expect(backup.code, backup.output).toBe(0)

    const restored = await startTestServer({ dataDirectory: folder, demoSecretKey: server.secretKey })
    try {
      expect((await ticket(report, restored)).attachments).toEqual((await ticket(report)).attachments)
      expect(await sha256Hex(await downloaded(report, stored.id, restored))).toBe(hash)
    } finally {
      await restored.stop()
    }
  })

  it('keeps everything in the data directory: a copy of it, served by a new server, gives back the same bytes', async () => {
    const original = await startTestServer({ rateLimitPerMinute: 0 })
    const report = await newReport(original)
    const photo = jpegWithGps()
    const stored = await attach(report, photo, 'photo.jpg', 'image/jpeg', original)
    const hash = await sha256Hex(await downloaded(report, stored.id, original))
    await original.close()
    const backup = mkdtempSync(join(tmpdir(), 'triage-backup-'))
    cpSync(original.dataDirectory, backup, { recursive: true })
    rmSync(original.dataDirectory, { recursive: true, force: true })

    const restored = await startTestServer({ dataDirectory: backup, demoSecretKey: original.secretKey })
    try {
      expect((await ticket(report, restored)).attachments).toEqual([{ ...stored, createdAt: expect.any(String) }])
      expect(await sha256Hex(await downloaded(report, stored.id, restored))).toBe(hash)
    } finally {
      await restored.stop()
    }
  })
})

describe('limits', () => {
  it('takes 10 files on a report and refuses the 11th with 422 too_many_attachments', async () => {
    const report = await newReport()
    for (let i = 0; i < 10; i++) await attach(report, text(`log line ${i}\n`), `part-${i}.log`)
    const refused = await expectProblem(await uploadFile(server, report.id, report.reporterToken, { bytes: text('one more\n'), name: 'more.log' }), 422, 'too_many_attachments')
    expect(refused.detail).toContain('(10)')
    expect((await ticket(report)).attachments).toHaveLength(10)
  })

  it('lets exactly 10 of 14 concurrent uploads in', async () => {
    const report = await newReport()
    const responses = await Promise.all(
      Array.from({ length: 14 }, (_, i) => uploadFile(server, report.id, report.reporterToken, { bytes: text(`concurrent ${i}\n`), name: `${i}.log` })),
    )
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(4).fill(422)])
    expect(await count('attachments', sql`incident_id = ${report.id}`)).toBe(10)
  })

  it("refuses a file that would take a report's files past 25 MB with 413", async () => {
    const report = await newReport()
    await attach(report, megabytes(9, 0x63), 'a.log')
    await attach(report, megabytes(9, 0x64), 'b.log')
    const refused = await expectProblem(await uploadFile(server, report.id, report.reporterToken, { bytes: megabytes(8, 0x65), name: 'c.log' }), 413, 'payload_too_large')
    expect(refused.detail).toContain('25 MB')
    expect((await ticket(report)).attachments).toHaveLength(2)
  }, 30_000)

  it("refuses a file past the app's quota with 413 quota_exceeded that says what to do, and other apps are not affected", async () => {
    const small = await startTestServer({ rateLimitPerMinute: 0, attachmentQuotaBytes: 1024 * 1024 })
    try {
      const report = await newReport(small)
      await attach(report, megabytes(0.6, 0x66), 'first.log', '', small)
      const refused = await expectProblem(await uploadFile(small, report.id, report.reporterToken, { bytes: megabytes(0.6, 0x67), name: 'second.log' }), 413, 'quota_exceeded')
      expect(refused.detail).toMatch(/used 0\.6 MB of its 1 MB.*TRIAGE_ATTACHMENT_QUOTA_MB/)
      // A report with a file past the quota is not written at all.
      const form = new FormData()
      form.append('report', JSON.stringify({ symptoms: 'The export is broken again today' }))
      form.append('file', new Blob([megabytes(0.6, 0x68)]), 'third.log')
      const listBefore = (await (await getAs(small, '/v1/incidents', small.secretKey)).json()) as IncidentList
      await expectProblem(await fetch(`${small.url}/v1/reports`, { method: 'POST', headers: { 'x-triage-key': small.publishableKey }, body: form }), 413, 'quota_exceeded')
      expect(((await (await getAs(small, '/v1/incidents', small.secretKey)).json()) as IncidentList).items).toHaveLength(listBefore.items.length)

      const other = await small.addApp('Other app')
      const theirs = (await (await postReport(small, other.publishableKey, { symptoms: 'Login fails for everyone here' })).json()) as ReportCreated
      expect((await uploadFile(small, theirs.id, theirs.reporterToken, { bytes: megabytes(0.6, 0x69), name: 'theirs.log' })).status).toBe(201)
    } finally {
      await small.stop()
    }
  })
})

describe('a report with its files in one request', () => {
  const post = (form: FormData, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'x-triage-key': server.publishableKey, ...headers }, body: form })
  const formOf = (report: unknown, files: { bytes: Uint8Array; name: string; type?: string }[]) => {
    const form = new FormData()
    form.append('report', typeof report === 'string' ? report : JSON.stringify(report))
    for (const file of files) form.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type ?? '' }), file.name)
    return form
  }
  const incidentCount = async () => ((await (await getAs(server, '/v1/incidents?limit=200', server.secretKey)).json()) as IncidentList).items.length

  it('writes no report when one of its files is refused', async () => {
    const before = await incidentCount()
    const svg = text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    await expectProblem(
      await post(
        formOf({ symptoms: 'Blank page on the invoices screen' }, [
          { bytes: tinyPng(), name: 'ok.png' },
          { bytes: svg, name: 'evil.svg', type: 'image/svg+xml' },
        ]),
      ),
      415,
      'unsupported_media_type',
    )
    const eleven = Array.from({ length: 11 }, (_, i) => ({ bytes: text(`line ${i}\n`), name: `${i}.log` }))
    await expectProblem(await post(formOf({ symptoms: 'Blank page on the invoices screen' }, eleven)), 422, 'too_many_attachments')
    expect(await incidentCount()).toBe(before)
  })

  it('validates the report part as a JSON report: 400 for broken JSON, 422 for a bad one, 422 when it is missing', async () => {
    await expectProblem(await post(formOf('{"symptoms": ', [{ bytes: tinyPng(), name: 'a.png' }])), 400, 'malformed_json')
    await expectProblem(await post(formOf({ symptoms: '' }, [{ bytes: tinyPng(), name: 'a.png' }])), 422, 'validation_failed')
    const noReport = new FormData()
    noReport.append('file', new Blob([tinyPng()]), 'a.png')
    await expectProblem(await post(noReport), 422, 'validation_failed')
  })

  it('answers a retry with the same Idempotency-Key with the same report and the same attachments, stored once', async () => {
    const key = crypto.randomUUID()
    const form = () =>
      formOf({ symptoms: 'The dashboard charts are empty since this morning' }, [
        { bytes: tinyPng(), name: 'a.png' },
        { bytes: plainJpeg, name: 'b.jpg' },
      ])
    const first = (await (await post(form(), { 'idempotency-key': key })).json()) as ReportCreated
    const retry = await post(form(), { 'idempotency-key': key })
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(await retry.json()).toEqual(first)
    expect((await ticket(first)).attachments.map((attachment) => attachment.id)).toEqual(first.attachments?.map((attachment) => attachment.id))
  })
})

describe('uploads that do not finish', () => {
  /** A multipart body with one file, sent in two halves; the second waits for `release`. */
  function slowUpload(report: ReportCreated, content: Uint8Array, headers: Record<string, string>) {
    const boundary = 'triage-test-boundary'
    const head = text(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.log"\r\nContent-Type: text/plain\r\n\r\n`)
    const tail = text(`\r\n--${boundary}--\r\n`)
    const half = Math.floor(content.length / 2)
    let release!: (how: 'finish' | 'break') => void
    const released = new Promise<'finish' | 'break'>((resolve) => (release = resolve))
    let sentFirstHalf!: () => void
    const firstHalfSent = new Promise<void>((resolve) => (sentFirstHalf = resolve))
    let step = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (step++ === 0) return controller.enqueue(new Uint8Array([...head, ...content.subarray(0, half)]))
        sentFirstHalf()
        if ((await released) === 'break') return controller.error(new Error('the network went away'))
        controller.enqueue(new Uint8Array([...content.subarray(half), ...tail]))
        controller.close()
      },
    })
    const response = fetch(`${server.url}/v1/reports/${report.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${report.reporterToken}`, 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
      body,
      duplex: 'half',
    } as RequestInit)
    return { response, release, firstHalfSent }
  }

  it('lists an attachment only once all of it is stored', async () => {
    const report = await newReport()
    const upload = slowUpload(report, megabytes(1.5, 0x6a), {})
    await upload.firstHalfSent
    expect((await ticket(report)).attachments).toEqual([])
    upload.release('finish')
    const response = await upload.response
    expect(response.status).toBe(201)
    expect((await ticket(report)).attachments).toHaveLength(1)
  })

  it('leaves nothing behind when the upload breaks off: no row, no bytes, no quota used, and the same key then stores the file', async () => {
    const report = await newReport()
    const content = megabytes(1.5, 0x6b)
    const hash = await sha256Hex(content)
    const usageBefore = await usage()
    const key = crypto.randomUUID()
    const upload = slowUpload(report, content, { 'idempotency-key': key })
    await upload.firstHalfSent
    upload.release('break')
    await expect(upload.response).rejects.toThrow()

    // The retry with the same key is a first upload (nothing held the key), and the only one stored.
    const retried = await uploadFile(server, report.id, report.reporterToken, { bytes: content, name: 'slow.log', type: 'text/plain' }, { 'idempotency-key': key })
    expect(retried.status).toBe(201)
    expect(retried.headers.get('idempotent-replayed')).toBeNull()
    expect((await ticket(report)).attachments).toHaveLength(1)
    expect(await count('attachments', sql`incident_id = ${report.id}`)).toBe(1)
    expect(await count('attachment_chunks', sql`sha256 = ${hash}`)).toBe(2)
    expect(await usage()).toBe(usageBefore + content.length)
  })
})

describe('refusals of the upload route', () => {
  it('answers 415 to a body that is not multipart, 422 without exactly one file, 401 without a token, 404 with a wrong one', async () => {
    const report = await newReport()
    const path = `${server.url}/v1/reports/${report.id}/attachments`
    const auth = { authorization: `Bearer ${report.reporterToken}` }
    await expectProblem(await fetch(path, { method: 'POST', headers: { ...auth, 'content-type': 'image/png' }, body: tinyPng() }), 415, 'unsupported_media_type')
    const none = new FormData()
    none.append('note', 'no file here')
    await expectProblem(await fetch(path, { method: 'POST', headers: auth, body: none }), 422, 'validation_failed')
    const two = new FormData()
    two.append('file', new Blob([tinyPng()]), 'a.png')
    two.append('file', new Blob([tinyPng()]), 'b.png')
    await expectProblem(await fetch(path, { method: 'POST', headers: auth, body: two }), 422, 'validation_failed')
    await expectProblem(await uploadFile(server, report.id, report.reporterToken, { bytes: new Uint8Array(), name: 'empty.log' }), 422, 'validation_failed')
    await expectProblem(await fetch(path, { method: 'POST', body: two }), 401, 'missing_key')
    const other = await newReport()
    await expectProblem(await uploadFile(server, report.id, other.reporterToken, { bytes: tinyPng(), name: 'a.png' }), 404, 'not_found')
    await expectProblem(
      await uploadFile(server, report.id, report.reporterToken, { bytes: tinyPng(), name: 'a.png' }, { 'idempotency-key': 'has spaces' }),
      400,
      'validation_failed',
    )
  })

  it('refuses a second file under an Idempotency-Key that already stored another, with 422', async () => {
    const report = await newReport()
    const key = crypto.randomUUID()
    await attach(report, tinyPng(), 'a.png', '', server, { 'idempotency-key': key })
    await expectProblem(await uploadFile(server, report.id, report.reporterToken, { bytes: plainJpeg, name: 'b.jpg' }, { 'idempotency-key': key }), 422, 'idempotency_key_reused')
  })
})

describe('webhooks', () => {
  let receiver: Server
  const received: string[] = []
  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        received.push(body)
        response.statusCode = 204
        response.end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise((resolve) => receiver.close(resolve)))

  it('announce an attachment with its metadata and hash, never its bytes', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
    expect((await sendAs(server, 'POST', '/v1/admin/webhooks', server.secretKey, { url, events: ['incident.attached'] })).status).toBe(201)
    const report = await newReport()
    const secret = 'SECRET-LINE-ONLY-IN-THE-FILE'
    const log = text(`2026-12-04 INFO start\n${secret}\n`)
    const stored = await attach(report, log, 'app.log', 'text/plain')
    await dispatchWebhooks(server.services, { allowPrivateNetworks: true })
    expect(received).toHaveLength(1)
    const payload = JSON.parse(received[0] ?? '{}') as WebhookPayload
    expect(payload.type).toBe('incident.attached')
    expect(payload.data.incident.id).toBe(report.id)
    expect(payload.data.event.data).toEqual({ attachment: { ...stored, sha256: await sha256Hex(log) } })
    expect(received[0]).not.toContain(secret)
    expect(received[0]).not.toContain(Buffer.from(log).toString('base64'))
  })
})

describe('erasing an incident’s data', () => {
  it('deletes its attachments and their bytes, keeps bytes another incident shares, and gives the quota back', async () => {
    const [kept, erased] = [await newReport(), await newReport()]
    const shared = megabytes(1.2, 0x6c)
    const own = megabytes(0.3, 0x6d)
    const sharedHash = await sha256Hex(shared)
    const keptFile = await attach(kept, shared, 'shared.log')
    const erasedShared = await attach(erased, shared, 'shared.log')
    await attach(erased, own, 'own.log')
    const before = await usage()

    expect(await eraseIncidentAttachments(server.services, [erased.id])).toBe(2)
    expect((await ticket(erased)).attachments).toEqual([])
    await expectProblem(await getAs(server, `/v1/incidents/${erased.id}/attachments/${erasedShared.id}`, server.secretKey), 404, 'not_found')
    expect(await count('attachment_chunks', sql`sha256 = ${await sha256Hex(own)}`)).toBe(0)
    expect(await sha256Hex(await downloaded(kept, keptFile.id))).toBe(sharedHash)
    expect(await usage()).toBe(before - shared.length - own.length)

    expect(await eraseIncidentAttachments(server.services, [kept.id])).toBe(1)
    expect(await count('attachment_chunks', sql`sha256 = ${sharedHash}`)).toBe(0)
  })
})

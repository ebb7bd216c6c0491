import { createClient } from '@libsql/client'
import { expect, it } from 'vitest'
import type { AttachmentCreated, ErasureResult, IncidentList, ReportCreated } from '@triage/protocol'
import { triage } from '@triage/engine'
import { newId } from '../src/ids.ts'
import { firstEvents, newIncident } from '../src/reports/new-incident.ts'
import { insertIncidentsOnce } from '../src/storage/incidents.ts'
import { openLibsql } from '../src/storage/open-libsql.ts'
import { tinyPng } from './fixtures/images.ts'
import { getAs, postReport, sendAs, uploadFile } from './harness.ts'
import { serverProcesses } from './server-process.ts'

// An erasure cut short by kill -9 (#19): the real server in its own process, killed with SIGKILL
// while it erases one person's 2,000 incidents. Started again on the same file, the same request
// erases what is left, and then nothing of that person is anywhere: not in a table, not in the
// search, not in a stored file. Another person's report is untouched throughout.

const { env, databaseUrl, start, stopped } = serverProcesses('triage-erasure-crash-')

/** What Quillfeather wrote or left: none of it may remain. */
const victim = { name: 'Ottilie Quillfeather', email: 'ottilie.quillfeather@example.com' }
const erasedStrings = ['Quillfeather', 'quillfeather', 'Ottilie', 'QF-4471', 'quill-receipt.png']
const seeded = 2_000

it('finishes an erasure cut short by kill -9 when it is sent again, leaving no personal data behind', async () => {
  // Her reports with files, and another person's, through the API.
  const first = await start()
  const secretKey = env.TRIAGE_DEMO_SK
  const file = async (symptoms: string, contact: object) => (await (await postReport(first, env.TRIAGE_DEMO_PK, { symptoms, contact } as never)).json()) as ReportCreated
  const withFiles: ReportCreated[] = []
  for (let index = 0; index < 3; index++) {
    const report = await file(`Quillfeather's receipt QF-4471 shows the wrong total (${index})`, victim)
    const uploaded = await uploadFile(first, report.id, report.reporterToken, { bytes: tinyPng(), name: 'quill-receipt.png', type: 'image/png' })
    expect(uploaded.status).toBe(201)
    withFiles.push(report)
  }
  const other = await file('The receipt of Hildebrand Marsh shows the wrong total', { name: 'Hildebrand Marsh', email: 'hildebrand@example.com' })
  const otherFile = (await (await uploadFile(first, other.id, other.reporterToken, { bytes: tinyPng(), name: 'marsh.png', type: 'image/png' })).json()) as AttachmentCreated
  first.child.kill('SIGTERM')
  await stopped(first.child)

  // Two thousand more of hers, older, written straight into the file (what years of reports leave).
  const store = await openLibsql({ url: databaseUrl })
  const day = Date.now() - 86_400_000
  for (let start = 0; start < seeded; start += 500) {
    await insertIncidentsOnce(
      store.db,
      Array.from({ length: 500 }, (_, offset) => {
        const at = day + start + offset
        const symptoms = `Quillfeather cannot open invoice ${start + offset} (account QF-4471)`
        const reasoning = triage({ symptoms, createdAt: at })
        const incident = newIncident({
          id: newId('inc', at),
          appId: 'app_demo',
          idempotencyKey: null,
          requestHash: 'seeded',
          reasoning,
          symptoms,
          answers: {},
          context: { url: 'https://shop.example/invoices?who=quillfeather', userAgent: 'QuillBrowser/1.0' },
          contact: victim,
          sla: { policy: null, calendar: null },
          now: at,
        })
        return { incident, events: firstEvents(reasoning, at, { status: 'new' }) }
      }),
    )
  }
  store.close()

  // The erasure, killed once some of her incidents are erased and before all are.
  const reader = createClient({ url: databaseUrl })
  const erasedCount = async () => Number((await reader.execute(`select count(*) as n from incidents where erased_at is not null`)).rows[0]?.['n'])
  const second = await start()
  const exited = stopped(second.child)
  void sendAs(second, 'POST', '/v1/admin/reporters/erase', secretKey, { email: victim.email }).catch(() => undefined)
  await expect.poll(erasedCount, { timeout: 30_000, interval: 2 }).toBeGreaterThan(0)
  second.child.kill('SIGKILL')
  await exited
  expect(second.child.signalCode).toBe('SIGKILL')
  const cutAt = await erasedCount()
  expect(cutAt).toBeGreaterThan(0)
  expect(cutAt).toBeLessThan(seeded + withFiles.length)

  // Sent again to a new process: it erases what is left, and the ones done before stay done.
  const third = await start()
  const again = await sendAs(third, 'POST', '/v1/admin/reporters/erase', secretKey, { email: victim.email })
  expect(again.status).toBe(200)
  expect(((await again.json()) as ErasureResult).incidents).toBe(seeded + withFiles.length - cutAt)
  expect(await erasedCount()).toBe(seeded + withFiles.length)

  // Nothing of hers in any table (her files' bytes included), and each incident erased once.
  const tables = (
    await reader.execute(`select name from sqlite_master where type = 'table' and name not like 'incidents_search%' and name not like 'sqlite_%' and name not like '__drizzle%'`)
  ).rows.map((row) => String(row['name']))
  expect(tables).toEqual(expect.arrayContaining(['incidents', 'incident_events', 'attachments', 'attachment_chunks', 'audit_entries', 'erasure_jobs', 'webhook_deliveries']))
  for (const table of tables) {
    const rows = JSON.stringify((await reader.execute(`select * from "${table}"`)).rows)
    expect([table, erasedStrings.filter((one) => rows.includes(one))]).toEqual([table, []])
  }
  const perIncident = await reader.execute(`select count(*) as n from incident_events where type = 'erased' group by incident_id having count(*) > 1`)
  expect(perIncident.rows).toEqual([])
  // The job the killed process left unfinished is finished too.
  expect((await reader.execute(`select id from erasure_jobs where finished_at is null`)).rows).toEqual([])
  const files = await reader.execute(`select incident_id from attachments`)
  expect(files.rows.map((row) => row['incident_id'])).toEqual([other.id])
  reader.close()

  // Not findable over HTTP either, while the other person's report and file are untouched.
  for (const word of ['quillfeather', 'QF-4471', 'Ottilie']) {
    const found = (await (await getAs(third, `/v1/incidents?limit=200&q=${encodeURIComponent(word)}`, secretKey)).json()) as IncidentList
    expect([word, found.items]).toEqual([word, []])
  }
  const kept = await (await getAs(third, `/v1/incidents/${other.id}`, secretKey)).text()
  expect(kept).toContain('Hildebrand Marsh')
  expect(kept).toContain('hildebrand@example.com')
  expect((await getAs(third, `/v1/incidents/${other.id}/attachments/${otherFile.id}`, secretKey)).status).toBe(200)
  for (const report of withFiles) expect((await getAs(third, `/v1/reports/${report.id}`, report.reporterToken)).status).toBe(410)
  console.log(
    `erasure crash: killed after ${cutAt} of ${seeded + withFiles.length} incidents were erased; the request sent again erased the other ${seeded + withFiles.length - cutAt}`,
  )
  third.child.kill('SIGTERM')
  await stopped(third.child)
}, 120_000)

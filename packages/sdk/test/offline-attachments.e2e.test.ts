import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Incident, IncidentList } from '@triage/protocol'
import type { BrowserE2e } from '@triage/testing/chromium'
import { startBrowserE2e } from '@triage/testing/chromium'

// The offline queue keeps a report's files across a reload, in real Chromium: IndexedDB holds
// them while localStorage holds the report; back online, the next page sends both, once.
let e2e: BrowserE2e
beforeAll(async () => (e2e = await startBrowserE2e()))
afterAll(() => e2e?.stop())

it('keeps a queued report’s file through a reload and sends the report with it once, back online', async () => {
  const context = await e2e.browser.newContext()
  const page = await context.newPage()
  await page.goto(`${e2e.server.url}/examples/sdk-browser/`)
  const text = '09:41:07 export failed: quota exceeded\n'
  await context.setOffline(true)
  // Strings, not functions: the page imports the built SDK itself (vitest would rewrite an import()).
  const queued = await page.evaluate(`(async () => {
    const { createTriage } = await import('/sdk.js')
    const triage = createTriage({ endpoint: location.origin, key: ${JSON.stringify(e2e.server.publishableKey)} })
    const answer = await triage.report({ symptoms: 'Export fails while offline, log attached', attachments: [new File([${JSON.stringify(text)}], 'export.log', { type: 'text/plain' })] })
    triage.close()
    return answer.status
  })()`)
  expect(queued).toBe('queued')

  await context.setOffline(false)
  await page.reload()
  const flushed = (await page.evaluate(`(async () => {
    const { createTriage } = await import('/sdk.js')
    const triage = createTriage({ endpoint: location.origin, key: ${JSON.stringify(e2e.server.publishableKey)} })
    const result = await triage.flush()
    // A second flush finds nothing left: the report went once.
    const again = await triage.flush()
    triage.close()
    return { result, again }
  })()`)) as { result: { pending: number }; again: { sent: number; pending: number } }
  expect(flushed.result.pending).toBe(0)
  expect(flushed.again).toEqual({ sent: 0, pending: 0 })

  const headers = { authorization: `Bearer ${e2e.server.secretKey}` }
  const list = (await (await fetch(`${e2e.server.url}/v1/incidents?limit=200`, { headers })).json()) as IncidentList
  const reports = list.items.filter((item) => item.symptoms === 'Export fails while offline, log attached')
  expect(reports).toHaveLength(1)
  const incident = (await (await fetch(`${e2e.server.url}/v1/incidents/${reports[0]!.id}`, { headers })).json()) as Incident
  expect(incident.attachments).toMatchObject([{ name: 'export.log', contentType: 'text/plain' }])
  const download = await fetch(`${e2e.server.url}/v1/incidents/${incident.id}/attachments/${incident.attachments[0]!.id}`, { headers })
  expect(await download.text()).toBe(text)
  // Sent, the file leaves IndexedDB too.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const request = indexedDB.open('triage-files')
        const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)))
        const count = db.transaction('files').objectStore('files').count()
        return new Promise<number>((resolve) => (count.onsuccess = () => resolve(count.result)))
      }),
    )
    .toBe(0)
  await context.close()
}, 60_000)

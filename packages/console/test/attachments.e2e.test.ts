import { readFile } from 'node:fs/promises'
import type { ReportCreated } from '@triage/protocol'
import { png } from '@triage/testing/png'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { en } from '../src/i18n/en.ts'
import { fill } from '../src/i18n/index.ts'
import type { ConsoleE2e } from './console-e2e.ts'
import { agentPage, fileReportByApi, pageErrors, startConsoleE2e } from './console-e2e.ts'

// The reporter's files on the ticket, in real Chromium against the real server: a picture shows
// as a thumbnail that opens whole, any other file downloads under its name, and a file's name is
// shown as the characters the reporter's device gave it.
let e2e: ConsoleE2e
beforeAll(async () => (e2e = await startConsoleE2e()))
afterAll(() => e2e?.stop())

/** Uploads one file to a report, as the widget does with the reporter's token. */
async function attach(report: ReportCreated, name: string, bytes: Uint8Array<ArrayBuffer>, type: string): Promise<void> {
  const form = new FormData()
  form.append('file', new File([bytes], name, { type }))
  const response = await fetch(`${e2e.server.url}/v1/reports/${report.id}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${report.reporterToken}` },
    body: form,
  })
  if (response.status !== 201) throw new Error(`attaching ${name} answered ${response.status}: ${await response.text()}`)
}

it("lists the reporter's files: a picture as a thumbnail that opens whole, a log that downloads under its name", async () => {
  const report = await fileReportByApi(e2e.server, 'The export page spins and nothing downloads')
  // Markup without a slash: a name is cut at its last slash or backslash, as a path.
  const pictureName = '<b>spinner<i> screen.png'
  await attach(
    report,
    pictureName,
    png(40, 24, (x) => (x < 20 ? [37, 99, 235] : [240, 240, 240])),
    'image/png',
  )
  const log = '10:41:07 export started\n10:42:07 export timed out after 60 s\n'
  await attach(report, 'export.log', new TextEncoder().encode(log), 'text/plain')

  const { page, context } = await agentPage(e2e, 'admin', 'Ada')
  const errors = pageErrors(page)
  await page.goto(`${e2e.server.url}/console/incidents/${report.id}`)
  const files = page.locator('#files')
  await files.waitFor()
  expect(await files.locator('h2').textContent()).toBe(fill(en.files, { count: 2 }))

  // The picture: one link with its name as text and a thumbnail the browser decoded, that opens it whole.
  const picture = files.getByRole('link', { name: pictureName })
  expect(await picture.getAttribute('target')).toBe('_blank')
  expect(await files.locator('b, i').count()).toBe(0)
  const thumbnail = files.locator('img')
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40)

  // The log: a download under its own name, with its bytes.
  const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: 'export.log' }).click()])
  expect(download.suggestedFilename()).toBe('export.log')
  expect(await readFile((await download.path()) ?? '', 'utf8')).toBe(log)
  expect(await files.textContent()).toContain('PNG')
  expect(errors).toEqual([])
  await context.close()
}, 60_000)

it('has no files section on a ticket without files', async () => {
  const report = await fileReportByApi(e2e.server, 'The calendar does not sync with my phone')
  const { page, context } = await agentPage(e2e, 'admin', 'Grace')
  await page.goto(`${e2e.server.url}/console/incidents/${report.id}`)
  await page.locator('#reporter').waitFor()
  expect(await page.locator('#files').count()).toBe(0)
  await context.close()
}, 60_000)

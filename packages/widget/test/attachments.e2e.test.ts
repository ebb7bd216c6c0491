import { createHash } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Incident } from '@triage/protocol'
import { en } from '../src/i18n/en.ts'
import { fill } from '../src/i18n/index.ts'
import type { E2e } from './e2e.ts'
import { agent, axeAllowed, axePath, openPanel, pageErrors, reachReview, startE2e, violations } from './e2e.ts'
import { fakeScreen } from './journey-screens.ts'

// Screenshots and files, end to end in real Chromium against the real server: the reporter adds a
// screenshot of the tab (Chromium's fake screen stands in for it: 1280×720, green), hides a part of
// it, attaches a log, and sends; the agent downloads exactly the bytes the browser sent, and the
// hidden part is black in the stored picture.
let e2e: E2e
beforeAll(async () => (e2e = await startE2e(fakeScreen)))
afterAll(() => e2e?.stop())

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/**
 * Keeps, in the page, the bytes of every file the page sends in a form: the SDK looks `fetch` up
 * at each request, so it goes through this wrapper.
 */
function recordSentFiles(): void {
  const sent: Record<string, string> = {}
  ;(window as unknown as { sentFiles: typeof sent }).sentFiles = sent
  const original = window.fetch
  window.fetch = async (input, init) => {
    if (init?.body instanceof FormData) {
      for (const value of init.body.values()) {
        if (value instanceof File) sent[value.name] = btoa(String.fromCharCode(...new Uint8Array(await value.arrayBuffer())))
      }
    }
    return original(input, init)
  }
}

it('sends a screenshot with a hidden part and a log (a pasted file taken back, an HTML page refused) with the report; the agent gets the exact bytes, the part black', async () => {
  const page = await e2e.browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...axeAllowed })
  const errors = pageErrors(page)
  const chunks: string[] = []
  page.on('request', (request) => void (request.url().includes('widget-attachments-') && chunks.push(request.url())))
  await page.addInitScript(recordSentFiles)
  await page.goto(`${e2e.server.url}/`)
  await page.addScriptTag({ path: axePath })
  const dialog = await openPanel(page, en)
  await reachReview(dialog, en, { symptoms: 'The invoices page shows a blank table after the export' })
  // Fetched only when the reporter asks for it.
  expect(chunks).toEqual([])
  await dialog.getByRole('button', { name: en.addAttachments }).click()
  await dialog.getByRole('button', { name: en.screenshot }).click()
  expect(chunks).toEqual([`${e2e.server.url}/widget-attachments-en.js`])

  // Hide the top-left part: a drag from 10 % to 40 % of the picture, both ways.
  const shot = dialog.getByTestId('triage-shot')
  await shot.waitFor()
  const box = (await shot.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25)
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4)
  await page.mouse.up()
  const found = await violations(page, 'screenshot editor')
  await dialog.getByRole('button', { name: en.useScreenshot }).click()
  await expect.poll(() => dialog.getByTestId('triage-attached').count(), { timeout: 15_000 }).toBe(1)

  const log = Buffer.from('12:00:01 GET /invoices 200\n12:00:02 TypeError: rows is undefined\n')
  await dialog.getByTestId('triage-file').setInputFiles({ name: 'console.log', mimeType: 'text/plain', buffer: log })
  await expect.poll(() => dialog.getByTestId('triage-attached').count()).toBe(2)
  found.push(...(await violations(page, 'attachments')))
  expect(found).toEqual([])
  // A paste adds a file too; each one can be taken back before sending, by its remove button.
  await dialog.getByTestId('triage-attachments').evaluate((section) => {
    const data = new DataTransfer()
    data.items.add(new File(['pasted by mistake'], 'pasted.txt', { type: 'text/plain' }))
    section.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  })
  await expect.poll(() => dialog.getByTestId('triage-attached').count()).toBe(3)
  await dialog.getByRole('button', { name: 'Remove pasted.txt' }).click()
  await expect.poll(() => dialog.getByTestId('triage-attached').count()).toBe(2)
  // What the server would refuse is refused here first, in words.
  await dialog.getByTestId('triage-file').setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<!DOCTYPE html>') })
  await dialog.getByText(fill(en.notAccepted, { name: 'page.html' })).waitFor()
  expect(await dialog.getByTestId('triage-attached').count()).toBe(2)

  await dialog.getByTestId('triage-send').click()
  const number = dialog.getByTestId('triage-number')
  await number.waitFor({ timeout: 15_000 })
  const sentFiles = await page.evaluate(() => (window as unknown as { sentFiles: Record<string, string> }).sentFiles)
  const uploaded = new Map(Object.entries(sentFiles).map(([name, base64]) => [name, Buffer.from(base64, 'base64')]))
  const [shotName] = [...uploaded.keys()].filter((name) => name.endsWith('.png'))
  expect(shotName).toMatch(/^screenshot-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.png$/)
  expect(uploaded.get('console.log')).toEqual(log)

  // The agent: both files on the ticket, downloaded byte for byte.
  const asAgent = agent(e2e.server)
  const incident = (await asAgent.incident((await number.textContent()) ?? '')) as unknown as Incident
  expect(incident.attachments.map(({ name, contentType }) => ({ name, contentType }))).toEqual([
    { name: shotName, contentType: 'image/png' },
    { name: 'console.log', contentType: 'text/plain' },
  ])
  const downloads = await Promise.all(
    incident.attachments.map(async (attachment) => {
      const response = await fetch(`${e2e.server.url}/v1/incidents/${incident.id}/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${e2e.server.secretKey}` } })
      expect(response.status).toBe(200)
      return Buffer.from(await response.arrayBuffer())
    }),
  )
  expect(sha256(downloads[0]!)).toBe(sha256(uploaded.get(shotName!)!))
  expect(sha256(downloads[1]!)).toBe(sha256(log))

  // The stored picture, decoded by the browser: the hidden part is black, the rest the fake screen's green.
  const pixels = await page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type: 'image/png' }))
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const context = canvas.getContext('2d')!
    context.drawImage(bitmap, 0, 0)
    const region = (x0: number, y0: number, x1: number, y1: number) => {
      const { data } = context.getImageData(x0 * bitmap.width, y0 * bitmap.height, (x1 - x0) * bitmap.width, (y1 - y0) * bitmap.height)
      let brightest = 0
      let darkest = 255 * 3
      for (let i = 0; i < data.length; i += 4) {
        const sum = data[i]! + data[i + 1]! + data[i + 2]!
        brightest = Math.max(brightest, sum)
        darkest = Math.min(darkest, sum)
      }
      return { brightest, darkest }
    }
    return { width: bitmap.width, height: bitmap.height, hidden: region(0.11, 0.11, 0.39, 0.39), shown: region(0.5, 0.5, 0.9, 0.9) }
  }, downloads[0]!.toString('base64'))
  expect(pixels).toMatchObject({ width: 1280, height: 720, hidden: { brightest: 0 } })
  expect(pixels.shown.darkest).toBeGreaterThan(60)
  expect(errors).toEqual([])
  await page.close()
}, 90_000)

it('crops a screenshot to the part dragged over after "Crop", and sends only that part', async () => {
  const page = await e2e.browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
  const errors = pageErrors(page)
  await page.addInitScript(recordSentFiles)
  await page.goto(`${e2e.server.url}/`)
  const dialog = await openPanel(page, en)
  await reachReview(dialog, en, { symptoms: 'The chart on the dashboard draws its bars upside down' })
  await dialog.getByRole('button', { name: en.addAttachments }).click()
  await dialog.getByRole('button', { name: en.screenshot }).click()
  const shot = dialog.getByTestId('triage-shot')
  await shot.waitFor()
  await dialog.getByRole('button', { name: en.crop }).click()
  expect(await dialog.getByRole('button', { name: en.crop }).getAttribute('aria-pressed')).toBe('true')
  // Two clicks make the box as well as a drag (no dragging needed): the right half, the middle
  // third; a drag past the picture's edge ends at it.
  const box = (await shot.boundingBox())!
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 3)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width + 40, box.y + (box.height * 2) / 3)
  await page.mouse.up()
  await dialog.getByRole('button', { name: en.useScreenshot }).click()
  await expect.poll(() => dialog.getByTestId('triage-attached').count(), { timeout: 15_000 }).toBe(1)
  await dialog.getByTestId('triage-send').click()
  await dialog.getByTestId('triage-number').waitFor({ timeout: 15_000 })
  const size = await page.evaluate(async () => {
    const [base64] = Object.values((window as unknown as { sentFiles: Record<string, string> }).sentFiles)
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64!), (char) => char.charCodeAt(0))]))
    return { width: bitmap.width, height: bitmap.height }
  })
  // Half of 1280 × a third of 720, give or take a pixel of the pointer's rounding.
  expect(Math.abs(size.width - 640)).toBeLessThanOrEqual(3)
  expect(Math.abs(size.height - 240)).toBeLessThanOrEqual(3)
  expect(errors).toEqual([])
  await page.close()
}, 90_000)

it('keeps a file added to a report sent offline for the next page, which sends it with the report once back online', async () => {
  // The script-tag panel carries neither the files' store nor the multipart body: they come with the
  // attachments chunk, which the reloaded page fetches only to send what waited (panel/sdk-files.ts).
  const context = await e2e.browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  const errors = pageErrors(page)
  await page.goto(`${e2e.server.url}/`)
  const dialog = await openPanel(page, en)
  const symptoms = 'Export to CSV fails offline, log attached'
  await reachReview(dialog, en, { symptoms })
  await dialog.getByRole('button', { name: en.addAttachments }).click()
  const log = Buffer.from('09:41:07 export failed: quota exceeded\n')
  await dialog.getByTestId('triage-file').setInputFiles({ name: 'export.log', mimeType: 'text/plain', buffer: log })
  await expect.poll(() => dialog.getByTestId('triage-attached').count()).toBe(1)
  await context.setOffline(true)
  await dialog.getByTestId('triage-send').click()
  await dialog.getByTestId('triage-queued').waitFor({ timeout: 15_000 })

  // The page goes while still offline; back online, the next page of the app (its panel loaded
  // when the page is idle, not opened) sends what waited, file and all.
  await page.close()
  await context.setOffline(false)
  const next = await context.newPage()
  const nextErrors = pageErrors(next)
  const chunks: string[] = []
  next.on('request', (request) => void (request.url().includes('widget-attachments-') && chunks.push(request.url())))
  await next.goto(`${e2e.server.url}/`)
  const asAgent = agent(e2e.server)
  const filed = async () => (await asAgent.list()).filter((item) => item.symptoms === symptoms)
  await expect.poll(async () => (await filed()).length, { timeout: 20_000 }).toBe(1)
  const incident = (await asAgent.incident((await filed())[0]!.number)) as unknown as Incident
  expect(incident.attachments.map(({ name, contentType, size }) => ({ name, contentType, size }))).toEqual([{ name: 'export.log', contentType: 'text/plain', size: log.length }])
  const download = await fetch(`${e2e.server.url}/v1/incidents/${incident.id}/attachments/${incident.attachments[0]!.id}`, {
    headers: { authorization: `Bearer ${e2e.server.secretKey}` },
  })
  expect(Buffer.from(await download.arrayBuffer())).toEqual(log)
  // The next page fetched the chunk to read the file back from IndexedDB, once; its queue is empty.
  expect(chunks).toEqual([`${e2e.server.url}/widget-attachments-en.js`])
  await expect.poll(() => next.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('triage:queue:') && localStorage.getItem(key) !== '[]'))).toEqual([])
  expect([...errors, ...nextErrors]).toEqual([])
  await context.close()
}, 90_000)

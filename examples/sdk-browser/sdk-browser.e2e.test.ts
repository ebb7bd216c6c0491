import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incident, IncidentList } from '@triage/protocol'
import type { EphemeralServer } from '@triage/testing/ephemeral-server'
import { built } from '@triage/testing/built'
import { startEphemeralServer } from '@triage/testing/ephemeral-server'

// The SDK as a page without a bundler uses it: Chromium loads the example from its own origin,
// imports the built `sdk.js`, and talks to the real API on another origin (CORS, EventSource).
const file = (path: string) => fileURLToPath(new URL(path, import.meta.url))
let api: EphemeralServer
let site: Server
let siteUrl: string
let browser: Browser

beforeAll(async () => {
  api = await startEphemeralServer()
  site = createServer((request, response) => {
    const send = (status: number, type: string, body: string) => response.writeHead(status, { 'content-type': type }).end(body)
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const serve = async () => {
      if (path === '/') {
        const page = (await readFile(file('index.html'), 'utf8'))
          .replace('pk_your_publishable_key', api.publishableKey)
          .replace('name="triage-endpoint" content=""', `name="triage-endpoint" content="${api.url}"`)
        return send(200, 'text/html; charset=utf-8', page)
      }
      if (path === '/app.js') return send(200, 'text/javascript', await readFile(file('app.js'), 'utf8'))
      if (path === '/sdk.js') return send(200, 'text/javascript', built('sdk', 'sdk.js'))
      return send(404, 'application/json', '{"error":"not found"}')
    }
    serve().catch(() => send(500, 'text/plain', 'error'))
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => site?.close(resolve))
  await api?.stop()
})

async function incident(number: string): Promise<Incident> {
  const headers = { authorization: `Bearer ${api.secretKey}` }
  const list = (await (await fetch(`${api.url}/v1/incidents`, { headers })).json()) as IncidentList
  const id = list.items.find((item) => item.number === number)?.id
  return (await (await fetch(`${api.url}/v1/incidents/${id}`, { headers })).json()) as Incident
}

describe('the SDK browser example', () => {
  it('reports with breadcrumbs, follows the status live, and queues a report while offline', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${siteUrl}/`)
    const status = page.getByRole('status')

    // The broken feature, then the report.
    await page.getByRole('button', { name: 'Export my notes' }).click()
    await expect.poll(() => status.textContent()).toContain('Export failed')
    await page.getByLabel('What is happening?').fill('Export fails with an error')
    await page.getByLabel('Your e-mail (optional)').fill('ada@example.com')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/INC-\d{6}/)
    const number = /INC-\d{6}/.exec((await status.textContent()) ?? '')?.[0] ?? ''

    const filed = await incident(number)
    expect(filed.contact).toEqual({ email: 'ada@example.com' })
    expect(filed.context).toMatchObject({ url: `${siteUrl}/`, appVersion: '1.4.0', environment: 'example' })
    const crumbs = (filed.context.breadcrumbs ?? []).map((crumb) => `${crumb.type}: ${crumb.message}`)
    expect(crumbs).toContain('click: button#export "Export my notes"')
    expect(crumbs).toContain('http: GET /api/notes/export?format=csv&token=[redacted:token] 404')
    expect(crumbs).toContain('console: Export failed with 404')

    // An agent asks a question: the page hears it over the event stream.
    const ask = await fetch(`${api.url}/v1/incidents/${filed.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Which notes?', visibility: 'public', awaitReporter: true }),
    })
    expect(ask.status).toBe(200)
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('we need more information from you')

    // Offline: the report waits in localStorage, and goes when the browser is back online.
    await context.setOffline(true)
    await page.getByLabel('What is happening?').fill('Sync stopped while on the train')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => status.textContent()).toContain('You are offline')
    await expect.poll(() => page.getByRole('listitem').allTextContents()).toContain('Waiting to be sent: “Sync stopped while on the train”')
    await context.setOffline(false)
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Your saved report was sent: INC-\d{6}|INC-\d{6}: received/)
    await expect.poll(() => page.getByRole('listitem').count()).toBe(2)

    expect(errors).toEqual([])
    await context.close()
  })
})

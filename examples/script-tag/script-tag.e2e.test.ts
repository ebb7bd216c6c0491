import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incident, IncidentList } from '@triage/protocol'
import type { EphemeralServer } from '@triage/server'
import { startEphemeralServer } from '@triage/server'

// End to end for real: the Node server on a libSQL file serves the example page, Debian's
// Chromium loads it, and the widget built by `npm run build` talks to the API.
let server: EphemeralServer
let browser: Browser

beforeAll(async () => {
  server = await startEphemeralServer()
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the script-tag example', () => {
  it('files a report from the widget and shows its number and status', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))

    await page.goto(`${server.url}/`)
    await page.getByRole('button', { name: 'Report a problem' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('What is happening?').fill('The notes list stays empty after I log in')
    await dialog.getByLabel(/name/i).fill('Ada Lovelace')
    await dialog.getByLabel(/e-mail/i).fill('ada@example.com')
    await dialog.getByTestId('triage-send').click()

    const number = dialog.getByTestId('triage-number')
    await expect.poll(() => number.textContent(), { timeout: 10_000 }).toMatch(/INC-\d{6}/)
    await expect.poll(() => dialog.getByTestId('triage-status').textContent()).toMatch(/new/i)
    await page.screenshot({ path: join(tmpdir(), 'triage-e2e-confirmation.png') })

    // The ticket the reporter sees is the one agents see, with what they typed.
    const list = (await (
      await fetch(`${server.url}/v1/incidents`, { headers: { authorization: `Bearer ${server.secretKey}` } })
    ).json()) as IncidentList
    const shown = /INC-\d{6}/.exec((await number.textContent()) ?? '')?.[0]
    const incident = list.items.find((item) => item.number === shown)
    expect(incident).toBeDefined()
    const full = (await (
      await fetch(`${server.url}/v1/incidents/${incident?.id}`, { headers: { authorization: `Bearer ${server.secretKey}` } })
    ).json()) as Incident
    expect(full.symptoms).toBe('The notes list stays empty after I log in')
    expect(full.contact).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' })
    expect(errors).toEqual([])
    await page.close()
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en.ts'
import { fr } from '../src/i18n/fr.ts'
import type { E2e } from './e2e.ts'
import { agent, fileReport, openPanel, pageErrors, startE2e } from './e2e.ts'

// The widget inside pages that do not want it to work: markup in every text it shows, and a host
// page that resets all CSS and breaks built-ins. Real Chromium, the real server.
let e2e: E2e
beforeAll(async () => (e2e = await startE2e()))
afterAll(() => e2e?.stop())

const payloads = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">click me</a>',
  '"><svg onload=window.__xss=1>',
  '\'><iframe srcdoc="<script>parent.__xss=1</script>">',
  '{{constructor.constructor("window.__xss=1")()}}',
]

describe('XSS corpus', () => {
  it('shows markup in symptoms and agent replies as text, and runs none of it', async () => {
    const page = await e2e.browser.newPage({ locale: 'en-US' })
    const errors = pageErrors(page)
    await page.goto(`${e2e.server.url}/`)
    const dialog = await openPanel(page, en)
    const symptoms = `The editor breaks: ${payloads.join(' ')}`
    const number = await fileReport(dialog, en, {
      symptoms,
      onScreen: async () => {
        if ((await dialog.getByTestId('triage-review').count()) > 0) expect(await dialog.getByTestId('triage-review').textContent()).toContain(symptoms)
      },
    })
    const team = agent(e2e.server)
    for (const payload of payloads) await team.reply(number, `Agent says ${payload}`)
    const timeline = dialog.getByTestId('triage-timeline')
    await expect.poll(() => timeline.textContent(), { timeout: 10_000 }).toContain(payloads.at(-1))
    for (const payload of payloads) expect(await timeline.textContent()).toContain(`Agent says ${payload}`)
    const injected = await page
      .locator('triage-widget')
      .evaluate((host) => host.shadowRoot?.querySelectorAll('img, script, svg:not(.launcher svg), iframe, a[href^="javascript"]').length)
    expect(injected).toBe(0)
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})

describe('a hostile host page', () => {
  it('opens, files a report and shows the ticket despite reset CSS, broken built-ins and a wrapped fetch', async () => {
    const page = await e2e.browser.newPage({ locale: 'en-US' })
    const errors = pageErrors(page)
    const html = readFileSync(join(import.meta.dirname, '../../../examples/hostile-host/index.html'), 'utf8')
      .replace('pk_your_publishable_key', e2e.server.publishableKey)
      .replace('../../packages/widget/dist/widget.js', '/widget.js')
    // Served from the API's origin (an allowed origin of the demo app), like the example page.
    await page.route(`${e2e.server.url}/hostile`, (route) => route.fulfill({ contentType: 'text/html', body: html }))
    await page.goto(`${e2e.server.url}/hostile`)
    const launcher = page.getByRole('button', { name: en.launcher })
    const box = await launcher.boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(44)
    expect(box?.height).toBeLessThan(80)
    const dialog = await openPanel(page, en)
    const number = await fileReport(dialog, en, { symptoms: 'Saving a note fails with an error', name: 'Grace Hopper' })
    expect(number).toMatch(/^INC-\d{6}$/)
    const font = await dialog.getByTestId('triage-number').evaluate((element) => getComputedStyle(element).fontSize)
    expect(font).toBe('14px')
    expect(await page.evaluate(() => (window as { __fetches?: number }).__fetches)).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)

  it("reads in its own language's direction on a right-to-left page, and its layout mirrors for a right-to-left language", async () => {
    const page = await e2e.browser.newPage({ locale: 'ar' })
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><title>صفحة</title></head><body><h1>مرحبا</h1>
      <script async src="/widget.js" data-locale="fr" data-key="${e2e.server.publishableKey}"></script></body></html>`
    await page.route(`${e2e.server.url}/rtl`, (route) => route.fulfill({ contentType: 'text/html', body: html }))
    await page.goto(`${e2e.server.url}/rtl`)
    const dialog = await openPanel(page, fr)
    const layout = () =>
      dialog.evaluate((panel) => {
        const [secondary, next] = [...panel.querySelectorAll('.actions button')].map((button) => button.getBoundingClientRect().x)
        return { direction: getComputedStyle(panel).direction, nextIsRightOfSecondary: next! > secondary! }
      })
    // French on an Arabic page: left to right, Next on the right.
    expect(await layout()).toEqual({ direction: 'ltr', nextIsRightOfSecondary: true })
    // Words in a right-to-left language (as an app's own strings would be) turn the whole widget.
    await page.getByRole('button', { name: fr.launcher }).evaluate((launcher) => (launcher.lastChild!.textContent = 'الإبلاغ عن مشكلة'))
    expect(await layout()).toEqual({ direction: 'rtl', nextIsRightOfSecondary: false })
    await page.close()
  }, 60_000)

  it('works on a page whose Content-Security-Policy allows scripts by nonce only, with no inline styles', async () => {
    const page = await e2e.browser.newPage({ locale: 'en-US' })
    const errors = pageErrors(page)
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    const csp = "default-src 'none'; script-src 'nonce-r4nd0m'; style-src 'self'; connect-src 'self'; img-src 'self'"
    const html = `<!doctype html><html lang="en"><head><title>Strict CSP</title></head><body><h1>A strict page</h1>
      <script nonce="r4nd0m" async src="/widget.js" data-key="${e2e.server.publishableKey}"></script></body></html>`
    await page.route(`${e2e.server.url}/strict-csp`, (route) => route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': csp }, body: html }))
    await page.goto(`${e2e.server.url}/strict-csp`)
    const dialog = await openPanel(page, en)
    const number = await fileReport(dialog, en, { symptoms: 'Exporting to PDF fails on our locked-down intranet' })
    expect(number).toMatch(/^INC-\d{6}$/)
    expect(violations).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})

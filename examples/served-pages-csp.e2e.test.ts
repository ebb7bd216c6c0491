import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../packages/widget/src/i18n/en.ts'
import type { E2e } from '../packages/widget/test/e2e.ts'
import { fileReport, openPanel, pageErrors, startE2e } from '../packages/widget/test/e2e.ts'

// The pages `npm start` serves go out under a strict Content-Security-Policy (#12.9); they must
// work under it in a real browser, with nothing refused, from first load to a filed report.
let e2e: E2e
beforeAll(async () => (e2e = await startE2e()))
afterAll(() => e2e?.stop())

/** Every CSP violation the page reports, as the browser words it. */
async function violations(page: Page): Promise<string[]> {
  const found: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`))
  })
  return found
}

describe('the served example pages under their Content-Security-Policy', () => {
  it('/ (the script-tag example): the widget loads its panel and files a report, with nothing refused', async () => {
    const page = await e2e.browser.newPage({ locale: 'en-US' })
    const refused = await violations(page)
    const errors = pageErrors(page)
    const response = await page.goto(`${e2e.server.url}/`)
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'")
    // The page's own inline styles apply (allowed by their hash).
    expect(await page.locator('header').evaluate((header) => getComputedStyle(header).backgroundColor)).toBe('rgb(45, 58, 74)')
    const dialog = await openPanel(page, en)
    expect(await fileReport(dialog, en, { symptoms: 'Exporting my notes fails with an error' })).toMatch(/^INC-\d{6}$/)
    expect(refused).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)

  it('/examples/sdk-browser/: the SDK form files a report, with nothing refused', async () => {
    const page = await e2e.browser.newPage({ locale: 'en-US' })
    const refused = await violations(page)
    const errors = pageErrors(page)
    await page.goto(`${e2e.server.url}/examples/sdk-browser/`)
    await page.getByLabel('What is happening?').fill('Export fails with an error')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/INC-\d{6}/)
    expect(refused).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)

  it('refuses a script injected into the page', async () => {
    const page = await e2e.browser.newPage()
    const refused = await violations(page)
    await page.goto(`${e2e.server.url}/`)
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
    })
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined()
    expect(refused.join('\n')).toMatch(/script-src/)
    await page.close()
  }, 30_000)
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en.ts'
import { fr } from '../src/i18n/fr.ts'
import type { E2e } from './e2e.ts'
import { agent, answerQuestions, axeAllowed, axePath, fileReport, openPanel, startE2e, violations } from './e2e.ts'

// axe-core in real Chromium on every screen of the journey, scoped to the widget's element (axe
// goes into open shadow roots), in both color schemes; then the keyboard alone.
let e2e: E2e
beforeAll(async () => (e2e = await startE2e()))
afterAll(() => e2e?.stop())

describe('accessibility', () => {
  for (const [scheme, strings] of [
    ['light', en],
    ['dark', fr],
  ] as const) {
    it(`has no axe violation on any screen of the journey (${scheme}, ${strings === en ? 'en' : 'fr'})`, async () => {
      const page = await e2e.browser.newPage({ locale: strings === en ? 'en-US' : 'fr-FR', colorScheme: scheme, ...axeAllowed })
      await page.goto(`${e2e.server.url}/`)
      await page.addScriptTag({ path: axePath })
      const found: string[] = await violations(page, 'launcher')
      const dialog = await openPanel(page, strings)
      let screen = 0
      const number = await fileReport(dialog, strings, {
        symptoms: 'The invoice export fails with an error message',
        name: 'Ada',
        onScreen: async () => void found.push(...(await violations(page, `screen ${++screen}`))),
      })
      await dialog.getByTestId('triage-sla').waitFor()
      found.push(...(await violations(page, 'confirmation')))
      await agent(e2e.server).reply(number, 'Which browser do you use?')
      await dialog.getByText('Which browser do you use?').waitFor()
      found.push(...(await violations(page, 'follow')))
      await agent(e2e.server).resolve(number, 'Fixed in version 2.4.2')
      await dialog.getByTestId('triage-fixed').waitFor()
      found.push(...(await violations(page, 'resolved')))
      await dialog.getByRole('button', { name: strings.myReports }).click()
      await dialog.getByTestId('triage-reports').waitFor()
      found.push(...(await violations(page, 'my reports')))
      expect(found).toEqual([])
      await page.close()
    }, 60_000)
  }

  it('has no axe violation while fields are in error, and each error is tied to its field (fr)', async () => {
    const page = await e2e.browser.newPage({ locale: 'fr-FR', ...axeAllowed })
    await page.goto(`${e2e.server.url}/`)
    await page.addScriptTag({ path: axePath })
    const dialog = await openPanel(page, fr)
    const found: string[] = []
    const describedBy = async (label: string) => {
      const ids = ((await dialog.getByLabel(label).getAttribute('aria-describedby')) ?? '').split(' ')
      return dialog.evaluate((panel, ids) => ids.map((id) => panel.querySelector(`#${id}`)?.textContent ?? '').join(' '), ids)
    }

    await dialog.getByTestId('triage-next').click()
    await expect.poll(() => describedBy(fr.symptomsLabel)).toContain(fr.symptomsRequired)
    found.push(...(await violations(page, 'symptoms missing')))

    await dialog.getByLabel(fr.symptomsLabel).fill('La page reste blanche après la connexion')
    await dialog.getByTestId('triage-next').click()
    await dialog.locator(`h3:text-is("${fr.diagnoseTitle}"), h3:text-is("${fr.contactTitle}")`).waitFor()
    await answerQuestions(dialog, fr)
    await dialog.getByLabel(fr.emailLabel).fill('ada@')
    await dialog.getByTestId('triage-next').click()
    await expect.poll(() => describedBy(fr.emailLabel)).toContain(fr.emailInvalid)
    found.push(...(await violations(page, 'e-mail invalid')))
    expect(found).toEqual([])
    await page.close()
  }, 60_000)

  it('sees inside the shadow root (so zero violations means something)', async () => {
    const page = await e2e.browser.newPage({ locale: 'en-US', ...axeAllowed })
    await page.goto(`${e2e.server.url}/`)
    await page.addScriptTag({ path: axePath })
    await openPanel(page, en)
    await page.evaluate(() => document.querySelector('triage-widget')?.shadowRoot?.querySelector('[role="dialog"]')?.append(document.createElement('input')))
    expect((await violations(page, 'planted')).join()).toMatch(/label/)
    await page.close()
  })

  it('works with the keyboard alone: Tab and Shift+Tab stay in the dialog, Escape closes and gives the focus back', async () => {
    const page = await e2e.browser.newPage({ locale: 'en-US', ...axeAllowed })
    await page.goto(`${e2e.server.url}/`)
    const inDialog = () => page.evaluate(() => Boolean(document.querySelector('triage-widget')?.shadowRoot?.activeElement?.closest('[role="dialog"]')))
    const focused = () =>
      page.evaluate(
        () =>
          document.querySelector('triage-widget')?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? document.querySelector('triage-widget')?.shadowRoot?.activeElement?.id,
      )

    // Reach the launcher from the page with Tab, open it with Enter.
    for (let press = 0; press < 10 && (await focused()) !== 'triage-launcher'; press++) await page.keyboard.press('Tab')
    expect(await focused()).toBe('triage-launcher')
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('triage-symptoms')
    await page.keyboard.type('The page is blank after I sign in')

    for (let press = 0; press < 12; press++) {
      await page.keyboard.press('Tab')
      expect(await inDialog()).toBe(true)
    }
    for (let press = 0; press < 12; press++) {
      await page.keyboard.press('Shift+Tab')
      expect(await inDialog()).toBe(true)
    }

    // Through the steps with the keyboard: Enter on the focused Next button.
    await page.getByTestId('triage-next').focus()
    await page.keyboard.press('Enter')
    await page.getByRole('radio').first().waitFor()
    await page.keyboard.press('Space')
    expect(await page.getByRole('radio').first().isChecked()).toBe(true)

    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    expect(await focused()).toBe('triage-launcher')
    expect(await page.getByTestId('triage-launcher').getAttribute('aria-expanded')).toBe('false')
    await page.close()
  }, 60_000)
})

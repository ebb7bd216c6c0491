import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import nodeResolve from '@rollup/plugin-node-resolve'
import { rollup } from 'rollup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fr } from '../../packages/widget/src/i18n/fr.ts'
import type { E2e } from '../../packages/widget/test/e2e.ts'
import { agent, answerQuestions, pageErrors, startE2e } from '../../packages/widget/test/e2e.ts'

// The widget as an app's bundler ships it: app.js bundled by rollup against the built packages
// (`npm run build`: @triage/widget's and @triage/sdk's dist, the app's own Preact), in real Chromium.
let e2e: E2e
let bundle: string
beforeAll(async () => {
  e2e = await startE2e()
  const build = await rollup({ input: join(import.meta.dirname, 'app.js'), plugins: [nodeResolve({ browser: true })], onwarn: () => {} })
  bundle = (await build.generate({ format: 'es' })).output[0].code
})
afterAll(() => e2e?.stop())

describe('the widget from a bundle (mount)', () => {
  it("opens from the app's own button, speaks French with the app's words, knows the user, and tells the app the ticket", async () => {
    const page = await e2e.browser.newPage({ locale: 'en-US' })
    const errors = pageErrors(page)
    const html = readFileSync(join(import.meta.dirname, 'index.html'), 'utf8').replace('pk_your_publishable_key', e2e.server.publishableKey)
    await page.route(`${e2e.server.url}/esm/`, (route) => route.fulfill({ contentType: 'text/html', body: html }))
    await page.route(`${e2e.server.url}/esm/app.bundle.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: bundle }))
    await page.goto(`${e2e.server.url}/esm/`)

    // The app's own Preact, hooks included, still works beside the widget's.
    await page.locator('#add').click()
    await page.locator('#add').click()
    expect(await page.locator('#add').textContent()).toBe('Add a note (2)')

    // Our launcher carries the app's word and color; the app's "Help" button opens the panel too.
    const launcher = page.getByRole('button', { name: 'Aide', exact: true })
    expect(await launcher.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(15, 118, 110)')
    await page.locator('#help').click()
    const dialog = page.getByRole('dialog', { name: 'Aide Acme Notes' })
    await dialog.getByLabel(fr.symptomsLabel).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    // prefill + open from the app's menu; identify filled the contact step.
    await page.locator('#report-export').click()
    expect(await dialog.getByLabel(fr.symptomsLabel).inputValue()).toBe('Exporting my notes to PDF fails with an error')
    await dialog.getByTestId('triage-next').click()
    await dialog.locator(`h3:text-is("${fr.diagnoseTitle}"), h3:text-is("${fr.contactTitle}")`).waitFor()
    await answerQuestions(dialog, fr)
    expect(await dialog.getByLabel(fr.nameLabel).inputValue()).toBe('Ada Lovelace')
    expect(await dialog.getByLabel(fr.emailLabel).inputValue()).toBe('ada@example.com')
    await dialog.getByTestId('triage-next').click()
    await dialog.getByTestId('triage-send').click()
    const number = (await dialog.getByTestId('triage-number').textContent()) ?? ''
    expect(number).toMatch(/^INC-\d{6}$/)

    // onSubmit told the app; the agent sees the signed-in user's contact.
    await expect.poll(() => page.locator('#last-report').textContent()).toBe(number)
    expect(await agent(e2e.server).incident(number)).toMatchObject({ contact: { name: 'Ada Lovelace', email: 'ada@example.com' } })
    expect(errors).toEqual([])
    await page.close()
  }, 60_000)
})

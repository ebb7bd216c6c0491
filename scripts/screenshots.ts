// Screenshots of each screen of the widget's journey, desktop and mobile, light and dark, in English,
// into docs/screenshots/*.png. Starts the real server itself and drives Debian's Chromium:
//   npm run build && node --conditions=@triage/source scripts/screenshots.ts
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startEphemeralServer } from '@triage/server'
import { en } from '../packages/widget/src/i18n/en.ts'
import { agent, answerQuestions } from '../packages/widget/test/e2e.ts'

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
mkdirSync(out, { recursive: true })
const server = await startEphemeralServer({ rateLimitPerMinute: 10_000 })
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
const team = agent(server)

// A resolved incident first, so the describe step has a suggestion to show.
const seed = await fetch(`${server.url}/v1/reports`, {
  method: 'POST',
  headers: { 'x-triage-key': server.publishableKey, 'content-type': 'application/json', 'idempotency-key': 'screenshots-seed', origin: server.url },
  body: JSON.stringify({ symptoms: 'The invoice export fails with an error' }),
})
await team.resolve(((await seed.json()) as { number: string }).number, 'Exports over 10,000 rows now run in the background: you get an e-mail with the file.')

/** The export bug's reporter: only she is affected, it always happens, the rest of the app works. */
const adasAnswers = { choices: { impact: 'me', workaround: 'yes', bug_frequency: 'always', bug_whole_app_down: 'no' }, text: 'Export failed, please try again later' }

const devices = { desktop: { width: 1100, height: 760 }, mobile: { width: 390, height: 760 } }
try {
  for (const [device, viewport] of Object.entries(devices)) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport, colorScheme: scheme, locale: 'en-US', deviceScaleFactor: 1 })
      const shot = (step: string) => page.screenshot({ path: `${out}${step}-${device}-${scheme}.png` })
      await page.goto(`${server.url}/`)
      await page.getByRole('button', { name: en.launcher }).waitFor()
      await shot('0-launcher')
      await page.getByRole('button', { name: en.launcher }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel(en.symptomsLabel).fill('The invoice export fails with an error since this morning')
      await dialog.getByTestId('triage-suggestion').waitFor()
      await shot('1-describe')
      await dialog.getByTestId('triage-not-solved').click()
      await dialog.getByRole('radio').first().check()
      await shot('2-diagnose')
      await answerQuestions(dialog, en, undefined, adasAnswers)
      await dialog.getByLabel(en.nameLabel).fill('Ada Lovelace')
      await dialog.getByLabel(en.emailLabel).fill('ada@example.com')
      await shot('3-contact')
      await dialog.getByTestId('triage-next').click()
      await dialog.getByTestId('triage-send').waitFor()
      await shot('4-review')
      await dialog.getByTestId('triage-send').click()
      await dialog.getByTestId('triage-sla').waitFor()
      await shot('5-confirmation')
      const number = (await dialog.getByTestId('triage-number').textContent()) ?? ''
      await team.reply(number, 'Thanks Ada. Does it happen with a smaller date range too?')
      await dialog.getByText('smaller date range').waitFor()
      await shot('6-follow')
      await dialog.getByRole('button', { name: en.myReports }).click()
      await dialog.getByTestId('triage-reports').waitFor()
      await shot('7-my-reports')
      await page.close()
    }
  }
  console.log(`screenshots in ${out}`)
} finally {
  await browser.close()
  await server.stop()
}

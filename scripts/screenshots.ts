// Screenshots of each screen of the widget's journey, desktop (1280 × 800) and mobile (390 × 844),
// light and dark, in English, into docs/screenshots/*.png. Starts the real server itself and drives
// Debian's Chromium through the same screens the layout test checks (packages/widget/test/journey-screens.ts),
// and checks each screen's layout too: it fails, naming the problems, if one is squeezed,
// overflows, hides a control or has a small touch target.
//   npm run build && npm run screenshots
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { startEphemeralServer } from '@triage/testing/ephemeral-server'
import { en } from '../packages/widget/src/i18n/en.ts'
import { fakeScreen, seedJourneys, walkJourney, walkKnownProblem } from '../packages/widget/test/journey-screens.ts'
import { layoutProblems } from '../packages/widget/test/layout-check.ts'

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
mkdirSync(out, { recursive: true })
// Taken afresh: a screen that is gone leaves no stale picture behind.
for (const file of readdirSync(out)) if (file.endsWith('.png')) rmSync(`${out}${file}`)
const server = await startEphemeralServer({ rateLimitPerMinute: 10_000 })
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', ...fakeScreen] })

const devices = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } }
const problems: string[] = []
let taken = 0
try {
  const { noticeKey } = await seedJourneys(server)
  for (const [device, viewport] of Object.entries(devices)) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, locale: 'en-US', deviceScaleFactor: 1, hasTouch: device === 'mobile' })
      const shoot = (page: Page) => async (name: string, doc: boolean, show?: Locator) => {
        problems.push(...(await layoutProblems(page)).map((problem) => `${name} (${device}, ${scheme}): ${problem}`))
        if (!doc) return
        await show?.scrollIntoViewIfNeeded()
        await page.screenshot({ path: `${out}${name}-${device}-${scheme}.png` })
        taken++
      }
      const page = await context.newPage()
      await walkJourney(page, server, 'en', en, shoot(page), { screenshot: true })
      const visitor = await context.newPage()
      await walkKnownProblem(visitor, server, noticeKey, en, shoot(visitor))
      await context.close()
    }
  }
  console.log(`${taken} screenshots in ${out}`)
  if (problems.length > 0) {
    console.error(`The layout check found ${problems.length} problems:\n${problems.join('\n')}`)
    process.exitCode = 1
  }
} finally {
  await browser.close()
  await server.stop()
}

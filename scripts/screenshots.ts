// Screenshots of each screen of the widget's journey, desktop (1280 × 800) and mobile (390 × 844),
// light and dark, in English, into docs/screenshots/*.png; then the agents' console (queue, ticket,
// major incident, dashboard; desktop and tablet, light and dark) on a seeded day at the desk.
// Starts the real server itself and drives Debian's Chromium through the same screens the layout
// tests check (packages/widget/test/journey-screens.ts, packages/console/test/console-screens.ts),
// and checks each screen's layout too: it fails, naming the problems, if one is squeezed,
// overflows, hides a control or has a small touch target.
//   npm run build && npm run screenshots
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from 'playwright-core'
import { launchChromium } from '@triage/testing/chromium'
import { startEphemeralServer } from '@triage/testing/ephemeral-server'
import { en } from '../packages/widget/src/i18n/en.ts'
import { fakeScreen, seedJourneys, walkJourney, walkKnownProblem } from '../packages/widget/test/journey-screens.ts'
import { layoutProblems } from '../packages/widget/test/layout-check.ts'
import { en as consoleEn } from '../packages/console/src/i18n/en.ts'
import { invite } from '../packages/console/test/console-e2e.ts'
import { walkConsole } from '../packages/console/test/console-screens.ts'
import { adjustableClock, seedConsoleWorld } from '../packages/console/test/console-world.ts'

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
mkdirSync(out, { recursive: true })
// Taken afresh: a screen that is gone leaves no stale picture behind.
for (const file of readdirSync(out)) if (file.endsWith('.png')) rmSync(`${out}${file}`)
const server = await startEphemeralServer({ rateLimitPerMinute: 10_000 })
const browser = await launchChromium(fakeScreen)

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
  taken += await shootConsole()
  console.log(`${taken} screenshots in ${out}`)
  if (problems.length > 0) {
    console.error(`The layout check found ${problems.length} problems:\n${problems.join('\n')}`)
    process.exitCode = 1
  }
} finally {
  await browser.close()
  await server.stop()
}

/**
 * The console on its own server (its seeded major incident would otherwise show in the widget's
 * pictures as a known problem): the screens the README shows, desktop and tablet, light and dark.
 */
async function shootConsole(): Promise<number> {
  const shown = new Set(['queue', 'ticket', 'major-incident', 'metrics'])
  const clock = adjustableClock()
  const deskServer = await startEphemeralServer({ rateLimitPerMinute: 10_000, now: clock.now })
  let count = 0
  try {
    const world = await seedConsoleWorld(deskServer, clock)
    const consoleDevices = { desktop: { width: 1280, height: 800 }, tablet: { width: 820, height: 1180 } }
    for (const [device, viewport] of Object.entries(consoleDevices)) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, colorScheme: scheme, locale: 'en-US', deviceScaleFactor: 1, hasTouch: device === 'tablet' })
        const page = await context.newPage()
        const { token } = await invite(deskServer, 'admin', 'Ada')
        await walkConsole(page, deskServer, world, consoleEn, {
          token,
          name: 'Ada',
          onScreen: async (name) => {
            problems.push(...(await layoutProblems(page, { scope: 'page', minTarget: 40 })).map((problem) => `console ${name} (${device}, ${scheme}): ${problem}`))
            if (!shown.has(name)) return
            await page.screenshot({ path: `${out}console-${name}-${device}-${scheme}.png` })
            count++
          },
        })
        await context.close()
      }
    }
  } finally {
    await deskServer.stop()
  }
  return count
}

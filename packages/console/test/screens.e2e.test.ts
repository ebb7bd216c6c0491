import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { layoutProblems } from '../../widget/test/layout-check.ts'
import type { Strings } from '../src/i18n/en.ts'
import { en } from '../src/i18n/en.ts'
import { fr } from '../src/i18n/fr.ts'
import type { ConsoleE2e } from './console-e2e.ts'
import { axeViolations, invite, pageErrors, startConsoleE2e } from './console-e2e.ts'
import type { ConsoleWorld } from './console-world.ts'
import { adjustableClock, seedConsoleWorld } from './console-world.ts'
import { walkConsole } from './console-screens.ts'

// Issue #18, "For everyone": axe-core reports zero violations on every screen, in English and
// French, light and dark; and every screen is usable at 1280 × 800 and on a tablet (820 × 1180):
// the layout check finds nothing squeezed, overflowing, clipped, covered, or too small to touch.
const clock = adjustableClock()
let e2e: ConsoleE2e
let world: ConsoleWorld
beforeAll(async () => {
  e2e = await startConsoleE2e({ now: clock.now })
  world = await seedConsoleWorld(e2e.server, clock)
}, 120_000)
afterAll(() => e2e?.stop())

const devices = { desktop: { width: 1280, height: 800 }, tablet: { width: 820, height: 1180 } }

describe('every screen of the console', () => {
  for (const [device, viewport] of Object.entries(devices)) {
    for (const [scheme, strings] of [
      ['light', en],
      ['dark', fr],
    ] as [string, Strings][]) {
      const language = strings === en ? 'en' : 'fr'
      it(`has no axe violation and no layout problem (${device}, ${scheme}, ${language})`, async () => {
        const { token } = await invite(e2e.server, 'admin')
        const context = await e2e.browser.newContext({
          viewport,
          colorScheme: scheme as 'light' | 'dark',
          locale: language === 'en' ? 'en-US' : 'fr-FR',
          hasTouch: device === 'tablet',
        })
        const page = await context.newPage()
        const errors = pageErrors(page)
        const found: string[] = []
        const check = async (name: string) => {
          found.push(...(await axeViolations(page, name)))
          found.push(...(await layoutProblems(page, { scope: 'page', minTarget: 40 })).map((problem) => `${name}: ${problem}`))
        }
        await walkConsole(page, e2e.server, world, strings, { token, name: `Ada ${device} ${scheme}`, onScreen: check })
        expect(found).toEqual([])
        expect(errors).toEqual([])
        await context.close()
      }, 120_000)
    }
  }
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en.ts'
import { fr } from '../src/i18n/fr.ts'
import type { E2e } from './e2e.ts'
import { pageErrors, startE2e } from './e2e.ts'
import { walkJourney, walkKnownProblem, seedJourneys } from './journey-screens.ts'
import { layoutProblems } from './layout-check.ts'

// The widget as a person sees it: every screen of the journey (the same ones `npm run screenshots`
// takes), in English and French, on a desktop and a phone, light and dark, checked for squeezed
// text, horizontal overflow, clipped or covered controls and small touch targets (layout-check.ts).
let e2e: E2e
let noticeKey = ''
beforeAll(async () => {
  e2e = await startE2e()
  noticeKey = (await seedJourneys(e2e.server)).noticeKey
}, 60_000)
afterAll(() => e2e?.stop())

const devices = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const

describe('the layout of every screen', () => {
  for (const [locale, strings] of [
    ['en', en],
    ['fr', fr],
  ] as const) {
    for (const [device, viewport] of Object.entries(devices)) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`has nothing squeezed, overflowing, covered or too small (${locale}, ${device}, ${scheme})`, async () => {
          const context = await e2e.browser.newContext({ viewport, colorScheme: scheme, locale: locale === 'en' ? 'en-US' : 'fr-FR', hasTouch: device === 'mobile' })
          const page = await context.newPage()
          const errors = pageErrors(page)
          const failedRequests: string[] = []
          page.on('response', (response) => void (response.status() >= 400 && failedRequests.push(`${response.status()} ${response.url()}`)))
          const problems: string[] = []
          const screens: string[] = []
          const lookAt = (target: typeof page) => async (name: string) => {
            screens.push(name)
            problems.push(...(await layoutProblems(target)).map((problem) => `${name}: ${problem}`))
          }
          await walkJourney(page, e2e.server, locale, strings, lookAt(page))
          const visitor = await context.newPage()
          await walkKnownProblem(visitor, e2e.server, noticeKey, strings, lookAt(visitor))
          expect(screens.length).toBeGreaterThanOrEqual(18)
          expect(problems).toEqual([])
          expect(errors).toEqual([])
          // The demo page asks for nothing that is not there (a favicon, say).
          expect(failedRequests).toEqual([])
          await context.close()
        }, 120_000)
      }
    }
  }
})

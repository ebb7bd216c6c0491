import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import type { EphemeralServer } from './ephemeral-server.ts'
import { startEphemeralServer } from './ephemeral-server.ts'

/**
 * The real headless Chromium the browser tests drive: Debian's (`/usr/bin/chromium`, which
 * `.ci/run` installs) or the one `CHROMIUM_PATH` names. Without its background services (updates,
 * sync, network prefetch), which only add noise to a test's timings and requests.
 * @example
 * const browser = await launchChromium()
 */
export function launchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...args],
  })
}

/** The real server and a real browser, with one teardown. */
export interface BrowserE2e {
  server: EphemeralServer
  browser: Browser
  /** Closes the browser, then stops the server. */
  stop(): Promise<void>
}

/**
 * The real server (rate limits wide enough for a test's bursts, `options` on top) and Chromium
 * (`args` adds switches, e.g. its fake screen for screen sharing), for browser tests.
 * @example
 * let e2e: BrowserE2e
 * beforeAll(async () => (e2e = await startBrowserE2e()))
 * afterAll(() => e2e?.stop())
 */
export async function startBrowserE2e(options: Parameters<typeof startEphemeralServer>[0] = {}, args: string[] = []): Promise<BrowserE2e> {
  const server = await startEphemeralServer({ rateLimitPerMinute: 10_000, ...options })
  const browser = await launchChromium(args)
  return { server, browser, stop: async () => (await browser.close(), await server.stop()) }
}

/**
 * Collects what a page throws, so a test can say there was nothing.
 * @example
 * const errors = pageErrors(page)
 * // …the test's steps…
 * expect(errors).toEqual([])
 */
export function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { IncidentList } from '@triage/protocol'
import { builtPath } from '@triage/testing/built'
import type { BrowserE2e } from '@triage/testing/chromium'
import { startBrowserE2e } from '@triage/testing/chromium'

// An app's bundler splits the SDK's later parts into files of their own (`dist/size-client.js`
// and its `size-client-*.js` parts stand for such a bundle). In real Chromium, with the server up
// but one of those files out of reach (a CDN that failed, a deploy that replaced it): a report
// with files is kept and resolves as queued, as when offline, and the client's calls that need a
// part reject with a TriageError that says so, never with the browser's own import error.
let e2e: BrowserE2e
beforeAll(async () => (e2e = await startBrowserE2e()))
afterAll(() => e2e?.stop())

/** A page of the app with the bundle under /bundle/; the files part (`size-client-files.js`) fails to load while `partsDown` holds. */
async function appPage(parts: { down: boolean }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext()
  await context.route(`${e2e.server.url}/bundle/*`, async (route) => {
    const file = new URL(route.request().url()).pathname.slice('/bundle/'.length)
    if (parts.down && file !== 'size-client.js') return route.abort('connectionreset')
    return route.fulfill({ body: readFileSync(builtPath('sdk', file)), contentType: 'text/javascript' })
  })
  const page = await context.newPage()
  await page.goto(`${e2e.server.url}/examples/sdk-browser/`)
  return { context, page }
}

const options = () => `{ endpoint: location.origin, key: ${JSON.stringify(e2e.server.publishableKey)} }`

it('keeps a report whose files part cannot load and resolves it as queued; the next page sends it', async () => {
  const parts = { down: true }
  const { context, page } = await appPage(parts)
  const symptoms = 'Export fails, a log attached while the files part is out of reach'
  // Strings, not functions: the page imports the bundle itself (vitest would rewrite an import()).
  const answer = await page.evaluate(`(async () => {
    const { report } = await import('/bundle/size-client.js')
    try {
      const answer = await report(${options()}, { symptoms: ${JSON.stringify(symptoms)}, attachments: [new File(['09:41 quota exceeded'], 'export.log', { type: 'text/plain' })] })
      return { status: answer.status }
    } catch (error) {
      return { rejected: error.name + ': ' + error.message }
    }
  })()`)
  expect(answer).toEqual({ status: 'queued' })
  expect(await page.evaluate(() => Object.values({ ...localStorage }).join())).toContain(symptoms)

  // The next page, with its parts back, sends what waited (the files did not outlive the page:
  // they could only be kept by the part that did not come).
  parts.down = false
  await page.reload()
  await page.evaluate(`import('/bundle/size-client.js').then(({ report }) => report(${options()}, { symptoms: 'The next report, which flushes the queue first' }))`)
  const headers = { authorization: `Bearer ${e2e.server.secretKey}` }
  await expect
    .poll(async () => {
      const list = (await (await fetch(`${e2e.server.url}/v1/incidents?limit=200`, { headers })).json()) as IncidentList
      return list.items.filter((item) => item.symptoms === symptoms).length
    })
    .toBe(1)
  await context.close()
}, 60_000)

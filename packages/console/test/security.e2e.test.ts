import type { Server } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Incident } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en.ts'
import type { ConsoleE2e } from './console-e2e.ts'
import { agentPage, fileReportByApi, invite, password, acceptInvitation, signIn, startConsoleE2e } from './console-e2e.ts'

// Issue #18, "Done when": a cross-site form post and a wrong Origin are refused; repeated failed
// sign-ins are throttled. The API's own tests check these over HTTP; here a real browser holds a
// real session cookie and another site's page tries to use it.
let e2e: ConsoleE2e
let attacker: Server
let attackerPort: number
beforeAll(async () => {
  e2e = await startConsoleE2e()
  // Another origin's page: a form that posts to the console's API, submitted on load.
  attacker = createServer((request, response) => {
    const target = new URL(request.url ?? '/', 'http://attacker').searchParams.get('target') ?? ''
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><form method="post" action="${target.replace(/"/g, '&quot;')}"></form><script>document.forms[0].submit()</script>`)
  })
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
  attackerPort = (attacker.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((resolve) => attacker?.close(resolve))
  await e2e?.stop()
})

const statusOf = async (id: string) =>
  ((await (await fetch(`${e2e.server.url}/v1/incidents/${id}`, { headers: { authorization: `Bearer ${e2e.server.secretKey}` } })).json()) as Incident).status

describe('requests from other sites', () => {
  it('refuses a form post from a page of another origin on the same site (the cookie goes along; the Origin is wrong), and from another site', async () => {
    const report = await fileReportByApi(e2e.server, 'The weekly report e-mail is empty')
    await fetch(`${e2e.server.url}/v1/incidents/${report.id}/resolve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${e2e.server.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ resolution: 'resent' }),
    })
    const { page, context } = await agentPage(e2e, 'l2', 'Noor')
    const reopen = `${e2e.server.url}/v1/incidents/${report.id}/reopen`

    // Same site (127.0.0.1, another port): SameSite lets the cookie through; the Origin check refuses.
    const sameSite = await context.newPage()
    await sameSite.goto(`http://127.0.0.1:${attackerPort}/?target=${encodeURIComponent(reopen)}`)
    await sameSite.waitForURL(reopen)
    expect(await sameSite.textContent('body')).toContain('forbidden-origin')
    expect(await statusOf(report.id)).toBe('resolved')

    // Another site (localhost is not 127.0.0.1): SameSite=Strict keeps the cookie home.
    const crossSite = await context.newPage()
    await crossSite.goto(`http://localhost:${attackerPort}/?target=${encodeURIComponent(reopen)}`)
    await crossSite.waitForURL(reopen)
    expect(await crossSite.textContent('body')).toMatch(/forbidden-origin|missing-key|session/)
    expect(await statusOf(report.id)).toBe('resolved')

    // Control: the console itself, same origin, may reopen it.
    await page.goto(`${e2e.server.url}/console/incidents/${report.id}`)
    await page.getByTestId('reopen').click()
    await expect.poll(() => statusOf(report.id)).toBe('in_progress')
    await context.close()
  }, 60_000)
})

describe('sign-in', () => {
  it('says a wrong pair is wrong, then throttles repeated failures even with the right password', async () => {
    const { email, token } = await invite(e2e.server, 'l1')
    const context = await e2e.browser.newContext()
    const page = await context.newPage()
    await acceptInvitation(page, e2e.server, token, 'Ivo')
    await context.clearCookies()
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, e2e.server, email, en, `wrong password ${attempt}`)
      await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toBe(en.wrongPair)
    }
    await signIn(page, e2e.server, email, en, password)
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toMatch(/^Too many failed attempts\. Wait \d+ (min|s)/)
    await expect(page.getByTestId('queue').count()).resolves.toBe(0)
    await context.close()
  }, 60_000)
})

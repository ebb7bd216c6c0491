import { createRequire } from 'node:module'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Incident, IncidentList } from '@triage/protocol'
import { en } from '../src/i18n/en.ts'
import type { E2e } from './e2e.ts'
import { openPanel, pageErrors, startE2e } from './e2e.ts'

// "Say 'we know' before they type", end to end in real Chromium against the real server: many
// reports make a major incident; a new visitor reads the notice and taps "Me too"; the agent sees
// one more person affected and resolves the incident; that visitor's widget shows it resolved.
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
let e2e: E2e
beforeAll(async () => (e2e = await startE2e()))
afterAll(() => e2e?.stop())

const asAgent = (path: string, init: RequestInit = {}) =>
  fetch(`${e2e.server.url}${path}`, { ...init, headers: { authorization: `Bearer ${e2e.server.secretKey}`, 'content-type': 'application/json' } })

async function major(): Promise<Incident> {
  const list = (await (await asAgent('/v1/incidents?limit=200')).json()) as IncidentList
  const found = list.items.find((item) => item.isMajor)
  if (!found) throw new Error('no major incident yet')
  return (await (await asAgent(`/v1/incidents/${found.id}`)).json()) as Incident
}

it('tells a new visitor of the known problem, takes their "me too" in one tap, and shows them the fix', async () => {
  // Many reporters, one problem: five similar reports within minutes make a major incident.
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${e2e.server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'x-triage-key': e2e.server.publishableKey, 'content-type': 'application/json' },
      body: JSON.stringify({ symptoms: `The checkout payment page fails with an error, attempt ${i}` }),
    })
    expect(response.status).toBe(201)
  }
  const opened = await major()
  expect(opened.affected).toBe(5)
  await asAgent(`/v1/incidents/${opened.id}`, { method: 'PATCH', body: JSON.stringify({ publicTitle: 'Payments fail at checkout' }) })

  // A new visitor, with nothing of their own in this browser yet.
  // axe goes in as an inline script, which the served page's Content-Security-Policy refuses: the test's own instrument is let through.
  const context = await e2e.browser.newContext({ locale: 'en-US', bypassCSP: true })
  const page = await context.newPage()
  const errors = pageErrors(page)
  await page.goto(`${e2e.server.url}/`)
  const dialog = await openPanel(page, en)
  const notice = dialog.getByTestId('triage-notice')
  await notice.waitFor()
  expect(await notice.textContent()).toMatch(/^Known problem: Payments fail at checkout — we’re on it since \d{1,2}:\d{2}\s?[AP]M/)
  // They can still describe something else, right there.
  await expect.poll(() => dialog.getByLabel(en.symptomsLabel).isVisible()).toBe(true)
  await page.addScriptTag({ path: axePath })
  const axe = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string }[] }> } }).axe.run(document.querySelector('triage-widget')!),
  )
  expect(axe.violations.map((violation) => violation.id)).toEqual([])

  // One tap: no description, no contact.
  await dialog.getByRole('button', { name: en.meToo }).click()
  const number = dialog.getByTestId('triage-number')
  await number.waitFor()
  expect(await dialog.getByTestId('triage-status').textContent()).toBe(en.status.new)
  await expect.poll(async () => (await major()).affected).toBe(6)

  // The agent fixes it once, for everyone: this visitor's widget shows it, live.
  const resolved = await asAgent(`/v1/incidents/${opened.id}/resolve`, {
    method: 'POST',
    body: JSON.stringify({ resolution: 'Payment provider outage', publicNote: 'Payments work again.' }),
  })
  expect(resolved.status).toBe(200)
  await expect.poll(() => dialog.getByTestId('triage-status').textContent(), { timeout: 10_000 }).toBe(en.status.resolved)
  expect(await dialog.getByTestId('triage-timeline').textContent()).toContain('Payments work again.')
  expect(errors).toEqual([])

  // The next visitor is told of nothing: the problem is gone.
  const next = await e2e.browser.newPage({ locale: 'en-US' })
  await next.goto(`${e2e.server.url}/`)
  const asked = next.waitForResponse((response) => response.url().includes('/v1/notices'))
  const nextDialog = await openPanel(next, en)
  expect(await (await asked).json()).toEqual({ items: [] })
  expect(await nextDialog.getByTestId('triage-notice').count()).toBe(0)
  await context.close()
  await next.close()
}, 60_000)

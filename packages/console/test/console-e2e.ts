// Shared by the console's end-to-end tests: the real Node server (which serves /console), Debian's
// Chromium, agents invited through the admin API and signed in through the console's own screens,
// and reports filed through the real widget.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AgentInvitation, AgentRole, IncidentList, ReportCreated } from '@triage/protocol'
import type { BrowserContext, Page } from 'playwright-core'
import type { EphemeralServer } from '@triage/testing/ephemeral-server'
import type { BrowserE2e } from '@triage/testing/chromium'
import { startBrowserE2e } from '@triage/testing/chromium'
import { en } from '../src/i18n/en.ts'
import type { Strings } from '../src/i18n/en.ts'

/** The server and Chromium (see `startBrowserE2e`). */
export type ConsoleE2e = BrowserE2e

export const startConsoleE2e = (options: Parameters<typeof startBrowserE2e>[0] = {}): Promise<ConsoleE2e> => startBrowserE2e(options)

export { pageErrors } from '@triage/testing/chromium'

let invited = 0
/** A password long enough for the server's rule (12 characters or more). */
export const password = 'correct horse battery'

/** Invites a person through the admin API (the demo app's admin key): their e-mail and the invitation's token. */
export async function invite(server: EphemeralServer, role: AgentRole, name?: string, secretKey = server.secretKey): Promise<{ email: string; token: string; inviteUrl: string }> {
  const email = `agent${++invited}-${role}@example.com`
  const response = await fetch(`${server.url}/v1/admin/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role, ...(name ? { name } : {}) }),
  })
  if (response.status !== 201) throw new Error(`inviting ${email} answered ${response.status}: ${await response.text()}`)
  const invitation = (await response.json()) as AgentInvitation
  return { email, token: new URL(invitation.inviteUrl).hash.slice(1), inviteUrl: invitation.inviteUrl }
}

/** Opens an invitation link on this server, as the invited person would, and sets their name and password. */
export async function acceptInvitation(page: Page, server: EphemeralServer, token: string, name: string, strings: Strings = en): Promise<void> {
  await page.goto(`${server.url}/console/invitation#${token}`)
  await page.getByLabel(strings.yourName).fill(name)
  await page.getByLabel(strings.newPassword).fill(password)
  await page.getByLabel(strings.confirmPassword).fill(password)
  await page.getByRole('button', { name: strings.setPassword }).click()
  await page.getByTestId('queue').waitFor()
}

/** Signs in through the console's sign-in screen. */
export async function signIn(page: Page, server: EphemeralServer, email: string, strings: Strings = en, secret = password): Promise<void> {
  await page.goto(`${server.url}/console`)
  await page.getByLabel(strings.email).fill(email)
  await page.getByLabel(strings.password).fill(secret)
  await page.getByRole('button', { name: strings.signIn }).click()
}

/** A new agent of `role`, invited, with a password set, signed in on a page of their own browser context. */
export async function agentPage(
  e2e: ConsoleE2e,
  role: AgentRole,
  name: string,
  options: { colorScheme?: 'light' | 'dark'; locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; context: BrowserContext; email: string }> {
  const { email, token } = await invite(e2e.server, role, name)
  const context = await e2e.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
  })
  const page = await context.newPage()
  await acceptInvitation(page, e2e.server, token, name, options.locale?.startsWith('fr') ? (await import('../src/i18n/fr.ts')).fr : en)
  return { page, context, email }
}

/** Files a report through the API with the publishable key, as the widget or the SDK would. */
export async function fileReportByApi(server: EphemeralServer, symptoms: string, extra: Record<string, unknown> = {}): Promise<ReportCreated> {
  const response = await fetch(`${server.url}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-triage-key': server.publishableKey },
    body: JSON.stringify({ symptoms, ...extra }),
  })
  if (response.status !== 201) throw new Error(`filing a report answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as ReportCreated
}

/** The demo app's incidents through the admin key, to find one by number. */
export async function incidentId(server: EphemeralServer, number: string): Promise<string> {
  const list = (await (await fetch(`${server.url}/v1/incidents?limit=200`, { headers: { authorization: `Bearer ${server.secretKey}` } })).json()) as IncidentList
  const found = list.items.find((item) => item.number === number)
  if (!found) throw new Error(`no incident ${number}`)
  return found.id
}

/** The queue's row of a ticket, by its number. */
export const row = (page: Page, number: string) => page.locator(`tr[data-number="${number}"]`)

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[]
}

/** axe-core's violations on the whole page as it is now, named after the screen. */
export async function axeViolations(page: Page, screen: string): Promise<string[]> {
  // Evaluated, not added as a <script>: the console's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const result = await page.evaluate(() => (window as unknown as { axe: { run(context: Document): Promise<AxeResult> } }).axe.run(document))
  return result.violations.map((violation) => `${screen}: ${violation.id} (${violation.help}) at ${JSON.stringify(violation.nodes.map((node) => node.target))}`)
}

// Shared by the end-to-end tests: the real Node server, Debian's Chromium, and the reporter's
// journey through the widget as a person does it (roles, labels, the keyboard where it matters).
import { createRequire } from 'node:module'
import type { Locator, Page } from 'playwright-core'
import type { IncidentList } from '@triage/protocol'
import type { EphemeralServer } from '@triage/testing/ephemeral-server'
import type { BrowserE2e } from '@triage/testing/chromium'
import { startBrowserE2e } from '@triage/testing/chromium'
import type { Strings } from '../src/i18n/index.ts'

export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
// axe goes in as an inline script, which the served page's Content-Security-Policy refuses (as it
// should): these pages let the test's own instrument through. The policy is tested elsewhere.
export const axeAllowed = { bypassCSP: true }

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[]
}

/** axe's violations on the widget as it is now (axe goes into open shadow roots), with the screen's name for the failure message. */
export async function violations(page: Page, screen: string): Promise<string[]> {
  const result = await page.evaluate(() => (window as unknown as { axe: { run(context: Element): Promise<AxeResult> } }).axe.run(document.querySelector('triage-widget')!))
  return result.violations.map((violation) => `${screen}: ${violation.id} (${violation.help}) at ${JSON.stringify(violation.nodes.map((node) => node.target))}`)
}

/** The server and Chromium (see `startBrowserE2e`). */
export type E2e = BrowserE2e

/** The server and Chromium; `args` adds Chromium switches (e.g. its fake screen for screen sharing). */
export const startE2e = (args: string[] = []): Promise<E2e> => startBrowserE2e({}, args)

export { pageErrors } from '@triage/testing/chromium'

export async function openPanel(page: Page, strings: Strings): Promise<Locator> {
  await page.getByRole('button', { name: strings.launcher }).click()
  const dialog = page.getByRole('dialog', { name: strings.title })
  await dialog.getByLabel(strings.symptomsLabel).waitFor()
  return dialog
}

export const heading = (dialog: Locator) => dialog.locator('h3').first()

/** How `answerQuestions` answers: a choice per question id (else the first), and the text for free-text questions. */
export interface Answers {
  choices?: Record<string, string>
  text?: string
}

/** Answers every guided question (by default with its first choice, or a short text) until the contact step. */
export async function answerQuestions(dialog: Locator, strings: Strings, onEach?: () => Promise<void>, { choices = {}, text = 'n/a' }: Answers = {}): Promise<void> {
  for (let asked = 0; asked < 12; asked++) {
    if ((await heading(dialog).textContent()) === strings.contactTitle) return
    const radios = dialog.getByRole('radio')
    if ((await radios.count()) > 0) {
      const choice = choices[(await radios.first().getAttribute('name')) ?? '']
      await (choice ? dialog.locator(`input[type=radio][value="${choice}"]`) : radios.first()).check()
    } else if ((await dialog.getByTestId('triage-answer').count()) > 0) await dialog.getByTestId('triage-answer').fill(text)
    await onEach?.()
    await dialog.getByTestId('triage-next').click()
  }
  throw new Error('the questions never reached the contact step')
}

export interface JourneyInput {
  symptoms: string
  name?: string
  email?: string
  /** Called on each screen (accessibility checks). */
  onScreen?: () => Promise<void>
}

/** Describe → diagnose → contact → review → send; answers the ticket number shown. */
export async function fileReport(dialog: Locator, strings: Strings, input: JourneyInput): Promise<string> {
  await reachReview(dialog, strings, input)
  await dialog.getByTestId('triage-send').click()
  const number = dialog.getByTestId('triage-number')
  await number.waitFor({ timeout: 15_000 })
  return (await number.textContent()) ?? ''
}

/** Describe → diagnose → contact, up to "Check and send" (nothing sent yet). */
export async function reachReview(dialog: Locator, strings: Strings, input: JourneyInput): Promise<void> {
  await dialog.getByLabel(strings.symptomsLabel).fill(input.symptoms)
  await input.onScreen?.()
  await dialog.getByTestId('triage-next').click()
  await dialog.locator(`h3:text-is("${strings.diagnoseTitle}"), h3:text-is("${strings.contactTitle}")`).waitFor()
  await answerQuestions(dialog, strings, input.onScreen)
  if (input.name) await dialog.getByLabel(strings.nameLabel).fill(input.name)
  if (input.email) await dialog.getByLabel(strings.emailLabel).fill(input.email)
  await input.onScreen?.()
  await dialog.getByTestId('triage-next').click()
  await dialog.getByTestId('triage-send').waitFor()
  await input.onScreen?.()
}

/** The agent's side, through the API with the demo secret key (or another app's). */
export function agent(server: EphemeralServer, secretKey = server.secretKey) {
  const headers = { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' }
  const list = async () => ((await (await fetch(`${server.url}/v1/incidents?limit=200`, { headers })).json()) as IncidentList).items
  async function idOf(number: string): Promise<string> {
    const found = (await list()).find((item) => item.number === number)
    if (!found) throw new Error(`no incident ${number}`)
    return found.id
  }
  async function post(number: string, action: string, body: object): Promise<void> {
    const response = await fetch(`${server.url}/v1/incidents/${await idOf(number)}/${action}`, { method: 'POST', headers, body: JSON.stringify(body) })
    if (!response.ok) throw new Error(`${action} answered ${response.status}: ${await response.text()}`)
  }
  return {
    idOf,
    list,
    reply: (number: string, body: string) => post(number, 'messages', { body, visibility: 'public' }),
    resolve: (number: string, publicNote: string) => post(number, 'resolve', { resolution: 'fixed in the e2e test', publicNote }),
    close: (number: string) => post(number, 'close', {}),
    reopen: (number: string) => post(number, 'reopen', {}),
    incident: async (number: string) => (await fetch(`${server.url}/v1/incidents/${await idOf(number)}`, { headers })).json() as Promise<Record<string, unknown>>,
  }
}

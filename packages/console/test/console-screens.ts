// The console's screens, walked as an agent does: the layout and accessibility test checks each,
// and `npm run screenshots` photographs them (the same walk, so the pictures show what is tested).
import type { Page } from 'playwright-core'
import type { EphemeralServer } from '@triage/testing/ephemeral-server'
import type { Strings } from '../src/i18n/en.ts'
import type { ConsoleWorld } from './console-world.ts'
import { password } from './console-e2e.ts'

export interface Walk {
  /** The invited agent's token and the name they give. */
  token: string
  name: string
  /** Called on each screen once it has settled, with its name. */
  onScreen(name: string): Promise<void>
}

/** Waits for the console to stop fetching and drawing (counts, live mark, lazy chunks). */
async function settle(page: Page): Promise<void> {
  // No hover left over from the last click.
  await page.mouse.move(0, 0)
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

/**
 * Sign-in, the invitation, the queue (a view, a selection, the shortcuts), a ticket (and its
 * escalate and resolve dialogs), a major incident and the dashboard.
 */
export async function walkConsole(page: Page, server: EphemeralServer, world: ConsoleWorld, strings: Strings, walk: Walk): Promise<void> {
  await page.goto(`${server.url}/console`)
  await page.getByRole('button', { name: strings.signIn }).waitFor()
  await walk.onScreen('sign-in')

  await page.goto(`${server.url}/console/invitation#${walk.token}`)
  await page.getByLabel(strings.yourName).fill(walk.name)
  await page.getByLabel(strings.newPassword).fill(password)
  await page.getByLabel(strings.confirmPassword).fill(password)
  await walk.onScreen('invitation')
  await page.getByRole('button', { name: strings.setPassword }).click()
  await page.getByTestId('queue').locator('tbody tr').first().waitFor()
  await settle(page)
  await walk.onScreen('queue')

  await page.getByRole('link', { name: strings.view.breached }).click()
  await page.locator(`tr[data-number="${world.breached.number}"]`).waitFor()
  await settle(page)
  await walk.onScreen('queue-breached')

  await page.getByRole('link', { name: strings.view.all }).click()
  await page.locator(`tr[data-number="${world.atRisk.number}"] input[type=checkbox]`).check()
  await page.locator(`tr[data-number="${world.breached.number}"] input[type=checkbox]`).check()
  await page.getByTestId('bulk-assign').waitFor()
  await walk.onScreen('queue-bulk')
  await page.getByRole('button', { name: strings.clearSelection }).click()

  await page.keyboard.press('?')
  await page.getByTestId('shortcuts').waitFor()
  await walk.onScreen('shortcuts')
  await page.keyboard.press('Escape')

  // A colleague has the ticket open and types a reply: the presence line says so.
  await fetch(`${server.url}/v1/incidents/${world.ticket.id}/presence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.colleagueKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ typing: true }),
  })
  await page.goto(`${server.url}/console/incidents/${world.ticket.id}`)
  await page.getByTestId('timeline').waitFor()
  await page.getByTestId('presence').getByText('Léa').first().waitFor()
  await settle(page)
  await walk.onScreen('ticket')

  await page.getByTestId('escalate').click()
  await page.getByRole('dialog').waitFor()
  await walk.onScreen('escalate')
  await page.keyboard.press('Escape')
  await page.getByTestId('resolve').click()
  await page.getByRole('dialog').waitFor()
  await walk.onScreen('resolve')
  await page.keyboard.press('Escape')

  await page.goto(`${server.url}/console/incidents/${world.major.id}`)
  await page.getByTestId('children').locator('li').first().waitFor()
  await settle(page)
  await walk.onScreen('major-incident')

  await page.goto(`${server.url}/console/metrics`)
  await page.getByTestId('chart-volume').waitFor()
  await settle(page)
  await walk.onScreen('metrics')
  await page.getByTestId('chart-volume').locator('summary').click()
  await walk.onScreen('metrics-figures')
}

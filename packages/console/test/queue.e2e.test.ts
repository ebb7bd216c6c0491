import type { Incident } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fill } from '../src/i18n/index.ts'
import { en } from '../src/i18n/en.ts'
import type { ConsoleE2e } from './console-e2e.ts'
import { agentPage, fileReportByApi, row, startConsoleE2e } from './console-e2e.ts'

// The queue's views and counts, bulk actions, and a ticket that changes elsewhere changing in its row.
let e2e: ConsoleE2e
beforeAll(async () => (e2e = await startConsoleE2e()))
afterAll(() => e2e?.stop())

const asAdmin = (method: string, path: string, body?: unknown) =>
  fetch(`${e2e.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${e2e.server.secretKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

describe('the queue', () => {
  it('counts its views, assigns and closes in bulk (saying what was refused), and follows changes made elsewhere', async () => {
    const first = await fileReportByApi(e2e.server, 'The invoice totals are rounded wrongly')
    const second = await fileReportByApi(e2e.server, 'Two-factor codes arrive after they expire')
    const done = await fileReportByApi(e2e.server, 'The logo is blurry on the login page')
    await asAdmin('POST', `/v1/incidents/${done.id}/resolve`, { resolution: 'new logo file' })
    const { page } = await agentPage(e2e, 'l2', 'Mia')
    const count = (view: string) => page.getByTestId(`count-${view}`).locator('[aria-hidden]').textContent()
    await expect.poll(() => count('unassigned')).toBe('2')
    await expect.poll(() => count('resolved')).toBe('1')
    await expect.poll(() => count('mine')).toBe('0')

    // Close all three: only the resolved one may close; the outcome says so.
    await page.getByLabel(en.selectAll).check()
    await page.getByTestId('bulk-close').click()
    await expect.poll(() => page.getByTestId('bulk-outcome').textContent()).toContain(fill(en.bulkDone, { done: 1, failed: 2 }))
    await expect.poll(() => count('resolved')).toBe('0')

    // Assign the two open ones to me: Mine holds them.
    await row(page, first.number).getByRole('checkbox').check()
    await row(page, second.number).getByRole('checkbox').check()
    await page.getByTestId('bulk-assign').click()
    await expect.poll(() => count('mine')).toBe('2')
    await page.getByRole('link', { name: new RegExp(`^${en.view.mine}`) }).click()
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2)
    expect(await row(page, first.number).textContent()).toContain('Mia')

    // A colleague answers one elsewhere: its row changes without a reload.
    await asAdmin('POST', `/v1/incidents/${first.id}/messages`, { body: 'Looking into it', visibility: 'public' })
    await expect.poll(() => row(page, first.number).locator('.col-status').textContent(), { timeout: 10_000 }).toBe(en.status.in_progress)
    const stored = (await (await asAdmin('GET', `/v1/incidents/${second.id}`)).json()) as Incident
    expect(stored.assignee).toMatch(/^agt_/)
    await page.context().close()
  }, 60_000)
})

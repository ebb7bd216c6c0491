import type { Incident } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en.ts'
import type { ConsoleE2e } from './console-e2e.ts'
import { agentPage, fileReportByApi, pageErrors, startConsoleE2e } from './console-e2e.ts'

// Issue #18: "Keyboard-only use of the main loop (open, reply, escalate, resolve) is tested."
// No click below: only key presses and typing.
let e2e: ConsoleE2e
beforeAll(async () => (e2e = await startConsoleE2e()))
afterAll(() => e2e?.stop())

describe('the main loop with the keyboard alone', () => {
  it('opens a ticket with j and Enter, replies with r, escalates with e, resolves with s, and goes back with Esc', async () => {
    const first = await fileReportByApi(e2e.server, 'The calendar does not sync with my phone')
    const second = await fileReportByApi(e2e.server, 'Uploading a profile picture fails with an error')
    const { page } = await agentPage(e2e, 'l2', 'Kim')
    const errors = pageErrors(page)
    const keys = page.keyboard

    // Newest first: the pointer starts on the second report; j moves to the first, k back.
    await page.locator('tr.current').waitFor()
    expect(await page.locator('tr.current').getAttribute('data-number')).toBe(second.number)
    await keys.press('j')
    expect(await page.locator('tr.current').getAttribute('data-number')).toBe(first.number)
    await keys.press('k')
    await keys.press('j')
    await keys.press('Enter')
    await page.getByTestId('ticket').waitFor()
    expect(page.url()).toContain(`/console/incidents/${first.id}`)

    // ? lists the shortcuts; Esc closes the list.
    await keys.press('?')
    await page.getByTestId('shortcuts').waitFor()
    await keys.press('Escape')
    await page.getByTestId('shortcuts').waitFor({ state: 'detached' })

    // r: the reply box has the focus; Ctrl+Enter sends.
    await keys.press('r')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer')
    await keys.type('Does it happen on Wi-Fi and on mobile data?')
    await keys.press('Control+Enter')
    await page.getByTestId('timeline').getByText('Does it happen on Wi-Fi and on mobile data?').waitFor()
    await keys.press('Escape')

    // e: escalate, the reason typed, Ctrl+Enter.
    await keys.press('e')
    await page.getByRole('dialog').waitFor()
    await keys.press('Tab')
    await keys.type('Needs the sync service team')
    await keys.press('Control+Enter')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('tier').textContent()).toBe('L2')

    // s: resolve, the public note first, then the resolution.
    await keys.press('s')
    await page.getByRole('dialog').waitFor()
    await keys.type('A fix is out: update the app and it will sync.')
    await keys.press('Tab')
    await keys.type('Rotated the sync token')
    await keys.press('Control+Enter')
    await expect.poll(() => page.getByTestId('status').textContent()).toBe(en.status.resolved)

    // What the server holds.
    const incident = (await (await fetch(`${e2e.server.url}/v1/incidents/${first.id}`, { headers: { authorization: `Bearer ${e2e.server.secretKey}` } })).json()) as Incident
    expect(incident).toMatchObject({ status: 'resolved', tier: 'L2', publicNote: 'A fix is out: update the app and it will sync.', resolution: 'Rotated the sync token' })
    expect(incident.timeline.filter((event) => event.actor === 'Kim').map((event) => event.type)).toEqual(expect.arrayContaining(['message', 'escalated', 'resolved']))

    // Esc: back to the queue, with the pointer where it was.
    await keys.press('Escape')
    await page.getByTestId('queue').waitFor()
    expect(errors).toEqual([])
    await page.context().close()
  }, 90_000)
})

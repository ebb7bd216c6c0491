import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en as widgetEn } from '../../widget/src/i18n/en.ts'
import { fileReport as fileThroughWidget, openPanel } from '../../widget/test/e2e.ts'
import { en } from '../src/i18n/en.ts'
import type { ConsoleE2e } from './console-e2e.ts'
import { acceptInvitation, invite, pageErrors, row, startConsoleE2e } from './console-e2e.ts'

// Issue #18, "Done when": an invited agent sets a password and signs in; the queue shows a ticket
// filed through the widget (live, without a reload); the agent opens it, replies in public, adds an
// internal note, escalates, resolves; the reporter's widget shows the reply and the resolution, and
// not the note.
let e2e: ConsoleE2e
beforeAll(async () => (e2e = await startConsoleE2e()))
afterAll(() => e2e?.stop())

describe('the agent’s main loop, from an invitation to a resolved ticket', () => {
  it('works end to end, and the reporter reads only what is public', async () => {
    const { token } = await invite(e2e.server, 'l2')
    const agentContext = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } })
    const desk = await agentContext.newPage()
    const errors = pageErrors(desk)
    await acceptInvitation(desk, e2e.server, token, 'Ada Lovelace')
    await expect.poll(() => desk.getByText('Ada Lovelace').first().isVisible()).toBe(true)

    // The reporter files through the real widget while the queue is open: the row arrives live.
    const reporter = await e2e.browser.newPage()
    await reporter.goto(`${e2e.server.url}/`)
    const dialog = await openPanel(reporter, widgetEn)
    const number = await fileThroughWidget(dialog, widgetEn, { symptoms: 'The invoice export fails with an error every time', name: 'Grace', email: 'grace@example.com' })
    await row(desk, number).waitFor({ timeout: 10_000 })
    expect(await row(desk, number).textContent()).toContain('The invoice export fails')

    // Open it: the reporter's words, and the actions.
    await row(desk, number).getByRole('link').click()
    const ticket = desk.getByTestId('ticket')
    await ticket.waitFor()
    await expect.poll(() => ticket.getByTestId('symptoms').textContent()).toBe('The invoice export fails with an error every time')

    // Reply in public.
    const reply = 'Could you tell us which browser you use?'
    await desk.getByTestId('composer').fill(reply)
    await desk.getByTestId('composer-send').click()
    const timeline = desk.getByTestId('timeline')
    await timeline.locator('[data-visibility=public]', { hasText: reply }).waitFor()

    // An internal note: marked internal, apart from the reply.
    const note = 'Export service logs show a timeout on the PDF renderer'
    await desk.getByRole('tab', { name: en.note }).click()
    await desk.getByLabel(en.noteLabel).fill(note)
    await desk.getByRole('button', { name: en.sendNote }).click()
    const noteEntry = timeline.locator('[data-visibility=internal]', { hasText: note })
    await noteEntry.waitFor()
    expect(await noteEntry.textContent()).toContain(en.internalEntry)

    // Escalate with a reason: the timeline names the person.
    await desk.getByTestId('escalate').click()
    await desk.getByTestId('escalate-reason').fill('The PDF renderer belongs to the platform team')
    await desk.getByTestId('escalate-submit').click()
    await expect.poll(() => desk.getByTestId('tier').textContent()).toBe('L2')
    await timeline.getByText('Ada Lovelace escalated to L2').waitFor()

    // Resolve with a public note and an internal resolution.
    const publicNote = 'Fixed: exports work again, please try once more.'
    await desk.getByTestId('resolve').click()
    await desk.getByTestId('resolve-note').fill(publicNote)
    await desk.getByTestId('resolve-resolution').fill('Raised the renderer timeout to 30 s')
    await desk.getByTestId('resolve-submit').click()
    await expect.poll(() => desk.getByTestId('status').textContent()).toBe(en.status.resolved)

    // The reporter's widget, live: the reply and the resolution, never the note nor the internal resolution.
    await dialog.getByText(reply).waitFor({ timeout: 10_000 })
    await dialog.getByText(publicNote).waitFor({ timeout: 10_000 })
    const seen = (await dialog.textContent()) ?? ''
    expect(seen).not.toContain(note)
    expect(seen).not.toContain('Raised the renderer timeout')
    expect(seen).not.toContain('platform team')
    expect(errors).toEqual([])
    await agentContext.close()
    await reporter.close()
  }, 90_000)
})

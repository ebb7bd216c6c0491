import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fill } from '../src/i18n/index.ts'
import { en } from '../src/i18n/en.ts'
import type { ConsoleE2e } from './console-e2e.ts'
import { agentPage, fileReportByApi, startConsoleE2e } from './console-e2e.ts'

// Issue #18, "Done when": a second agent sees the first one's presence (and who is typing), so two
// agents do not answer the same person twice.
let e2e: ConsoleE2e
beforeAll(async () => (e2e = await startConsoleE2e()))
afterAll(() => e2e?.stop())

describe('presence', () => {
  it('shows a second agent who else has the ticket open, then who is typing, then that they left', async () => {
    const report = await fileReportByApi(e2e.server, 'The dashboard shows yesterday’s numbers')
    const ada = await agentPage(e2e, 'l1', 'Ada')
    const lea = await agentPage(e2e, 'l1', 'Léa')
    await ada.page.goto(`${e2e.server.url}/console/incidents/${report.id}`)
    await ada.page.getByTestId('ticket').waitFor()
    await lea.page.goto(`${e2e.server.url}/console/incidents/${report.id}`)
    await lea.page.getByTestId('ticket').waitFor()

    const presence = lea.page.getByTestId('presence')
    await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe(fill(en.alsoViewing, { names: 'Ada' }))
    await ada.page.getByTestId('composer').fill('We are looking into it')
    await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe(fill(en.alsoViewing, { names: `Ada${en.typing}` }))
    // And Ada sees Léa, who is not typing.
    await expect.poll(() => ada.page.getByTestId('presence').textContent(), { timeout: 10_000 }).toBe(fill(en.alsoViewing, { names: 'Léa' }))

    // Ada goes back to the queue (the first Esc leaves the reply box, the second the ticket): Léa is alone again.
    await ada.page.keyboard.press('Escape')
    await ada.page.keyboard.press('Escape')
    await ada.page.getByTestId('queue').waitFor()
    await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe('')
    await ada.context.close()
    await lea.context.close()
  }, 90_000)
})

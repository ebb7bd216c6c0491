import type { IncidentList, ReportCreated, ReportView } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en.ts'
import type { ConsoleE2e } from './console-e2e.ts'
import { agentPage, fileReportByApi, startConsoleE2e } from './console-e2e.ts'

// Issue #18, "Major incidents": the children and their count grow live; one update reaches every
// affected reporter; resolving informs them all. Checked on each reporter's own view of their report.
let e2e: ConsoleE2e
beforeAll(async () => (e2e = await startConsoleE2e()))
afterAll(() => e2e?.stop())

const reporterView = async (report: ReportCreated) =>
  (await (await fetch(`${e2e.server.url}/v1/reports/${report.id}`, { headers: { authorization: `Bearer ${report.reporterToken}` } })).json()) as ReportView

describe('a major incident in the console', () => {
  it('grows live, sends one update to every affected reporter, and resolving tells them all', async () => {
    // Other traffic, then an outage: five similar reports open a major incident.
    for (const symptoms of [
      'The dark mode setting does not stay on',
      'Where can I download all my data?',
      'The calendar does not sync with my phone',
      'Uploading a profile picture fails',
      'I would like an invoice with our VAT number',
      'The mobile app logs me out every hour',
    ]) {
      await fileReportByApi(e2e.server, symptoms)
    }
    const reports: ReportCreated[] = []
    for (const tail of ['', ' again', ' for me too', ' since noon', ' on my phone'])
      reports.push(await fileReportByApi(e2e.server, `Checkout payment page fails with an error${tail}`))
    const majors = (await (await fetch(`${e2e.server.url}/v1/incidents?view=major`, { headers: { authorization: `Bearer ${e2e.server.secretKey}` } })).json()) as IncidentList
    const major = majors.items[0]
    if (!major) throw new Error('the outage did not open a major incident')

    const { page } = await agentPage(e2e, 'l2', 'Jon')
    await page.goto(`${e2e.server.url}/console/incidents/${major.id}`)
    const children = page.getByTestId('children')
    await expect.poll(() => children.locator('li').count()).toBe(5)
    expect(await page.getByTestId('children-count').textContent()).toBe('5')

    // A sixth reporter: the list and the count grow without a reload.
    reports.push(await fileReportByApi(e2e.server, 'Checkout payment page fails with an error every time'))
    await expect.poll(() => children.locator('li').count(), { timeout: 10_000 }).toBe(6)
    expect(await page.getByTestId('children-count').textContent()).toBe('6')
    expect(await children.textContent()).toContain(reports[5]?.number)

    // One update, to every affected reporter.
    const update = 'Our payment provider is failing; we are switching to the backup now.'
    await page.getByTestId('update-affected').fill(update)
    await page.getByTestId('update-affected-send').click()
    await page.getByText('Sent to 6 reporters.').waitFor()
    for (const report of reports) expect((await reporterView(report)).timeline.map((event) => event.body)).toContain(update)

    // Resolving it informs them all.
    await page.getByTestId('resolve').click()
    await page.getByRole('dialog').getByText('Resolving this major incident resolves its 6 reports').waitFor()
    await page.getByTestId('resolve-note').fill('Payments work again. Sorry for the trouble.')
    await page.getByTestId('resolve-resolution').fill('Switched to the backup provider')
    await page.getByTestId('resolve-submit').click()
    await expect.poll(() => page.getByTestId('status').textContent()).toBe(en.status.resolved)
    for (const report of reports) {
      const view = await reporterView(report)
      expect(view.status).toBe('resolved')
      expect(view.timeline.map((event) => event.body)).toContain('Payments work again. Sorry for the trouble.')
      expect(JSON.stringify(view)).not.toContain('backup provider')
    }
    await page.context().close()
  }, 90_000)
})

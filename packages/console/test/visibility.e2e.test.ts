import type { Incident, IncidentList, MetricsSeries } from '@triage/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en.ts'
import type { ConsoleE2e } from './console-e2e.ts'
import { agentPage, fileReportByApi, row, startConsoleE2e } from './console-e2e.ts'

// Issue #18, "Done when": an l1 agent never sees an L3 ticket anywhere, neither in the queue nor in
// search, similar incidents or metrics. Each check has its control: the admin does see it.
let e2e: ConsoleE2e
beforeAll(async () => (e2e = await startConsoleE2e()))
afterAll(() => e2e?.stop())

const asAdmin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${e2e.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${e2e.server.secretKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

describe('an l1 agent and L3 tickets', () => {
  it('never shows an L3 ticket: not in the queue, its counts, search, similar incidents, metrics, a direct link, or live', async () => {
    // Two L3 tickets (one resolved with a public note, one open) and one L1 ticket like them.
    const resolvedL3 = await fileReportByApi(e2e.server, 'Quasarflux sync engine crashes when saving a large file')
    await asAdmin('POST', `/v1/incidents/${resolvedL3.id}/escalate`, { tier: 'L3', reason: 'core engine' })
    await asAdmin('POST', `/v1/incidents/${resolvedL3.id}/resolve`, { resolution: 'patched the engine', publicNote: 'Fixed in 3.2: update and save again' })
    const openL3 = await fileReportByApi(e2e.server, 'Quasarflux sync engine crashes after the update')
    await asAdmin('POST', `/v1/incidents/${openL3.id}/escalate`, { tier: 'L3', reason: 'core engine' })
    const l1 = await fileReportByApi(e2e.server, 'Quasarflux sync engine crashes when saving a file')
    const l1Ticket = await asAdmin<Incident>('GET', `/v1/incidents/${l1.id}`)
    expect(l1Ticket.tier).toBe('L1')
    // Controls: the admin finds the L3 tickets by search and among the L1 ticket's similar incidents.
    expect((await asAdmin<IncidentList>('GET', '/v1/incidents?q=quasarflux')).items.map((item) => item.number).sort()).toEqual([resolvedL3.number, openL3.number, l1.number].sort())
    expect(l1Ticket.similar.map((similar) => similar.number)).toContain(resolvedL3.number)
    const adminSeries = await asAdmin<MetricsSeries>('GET', '/v1/metrics/series')
    expect(adminSeries.totals.tickets).toBe(3)
    expect(adminSeries.backlog.byTier['L3']).toBe(1)

    const { page } = await agentPage(e2e, 'l1', 'Sam')
    const numbers = () => page.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-number')))

    // The queue and its counts.
    await row(page, l1.number).waitFor()
    expect(await numbers()).toEqual([l1.number])
    await expect.poll(() => page.getByTestId('count-unassigned').textContent()).toContain('1')

    // Search.
    await page.getByTestId('search').fill('quasarflux')
    await expect.poll(() => page.url()).toContain('q=quasarflux')
    await expect.poll(numbers).toEqual([l1.number])

    // Similar incidents of the L1 ticket.
    await page.goto(`${e2e.server.url}/console/incidents/${l1.id}`)
    await page.getByTestId('ticket').waitFor()
    const similar = page.locator('#similar')
    await similar.waitFor()
    expect(await similar.textContent()).not.toContain(resolvedL3.number)
    expect(await page.textContent('body')).not.toContain('Fixed in 3.2')

    // A direct link to an L3 ticket.
    await page.goto(`${e2e.server.url}/console/incidents/${openL3.id}`)
    await page.getByText(en.ticketGone).waitFor()
    expect(await page.textContent('body')).not.toContain('after the update')

    // Metrics: only the L1 ticket counts, and no L3 backlog.
    await page.goto(`${e2e.server.url}/console/metrics`)
    await expect.poll(() => page.getByTestId('tile-tickets').textContent()).toBe('1')
    expect(await page.getByTestId('chart-backlog').textContent()).not.toContain('L3')

    // Live: a change to the L3 ticket never reaches the queue, while a new L1 ticket does.
    await page.goto(`${e2e.server.url}/console`)
    await row(page, l1.number).waitFor()
    await asAdmin('POST', `/v1/incidents/${openL3.id}/messages`, { body: 'Working on it', visibility: 'public' })
    const later = await fileReportByApi(e2e.server, 'The printer page shows a blank preview')
    await row(page, later.number).waitFor({ timeout: 10_000 })
    expect(await numbers()).not.toContain(openL3.number)
    expect(await numbers()).not.toContain(resolvedL3.number)
    await page.context().close()
  }, 90_000)
})

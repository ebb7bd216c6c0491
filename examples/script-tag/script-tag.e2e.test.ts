import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../packages/widget/src/i18n/en.ts'
import { fr } from '../../packages/widget/src/i18n/fr.ts'
import type { Strings } from '../../packages/widget/src/i18n/index.ts'
import type { E2e } from '../../packages/widget/test/e2e.ts'
import { agent, answerQuestions, fileReport, openPanel, pageErrors, startE2e } from '../../packages/widget/test/e2e.ts'

// End to end for real: the Node server on a libSQL file serves this example page, Debian's
// Chromium loads it, and the widget built by `npm run build` (loader, then its panel) talks to the API.
let e2e: E2e
beforeAll(async () => (e2e = await startE2e()))
afterAll(() => e2e?.stop())

const journeys: [string, string, Strings, { symptoms: string; reply: string; note: string; sla: RegExp }][] = [
  [
    'English',
    'en-US',
    en,
    { symptoms: 'I cannot log in, my password is refused', reply: 'We reset your account, try again please.', note: 'Your account was unlocked.', sla: /we answer within/i },
  ],
  [
    'French',
    'fr-FR',
    fr,
    {
      symptoms: 'Je ne peux pas me connecter, mon mot de passe est refusé',
      reply: 'Nous avons réinitialisé votre compte, réessayez.',
      note: 'Votre compte a été débloqué.',
      sla: /nous répondons/i,
    },
  ],
]

describe('the script-tag example', () => {
  for (const [language, locale, strings, text] of journeys) {
    it(`takes a reporter through the whole journey in ${language}, live, without a reload`, async () => {
      const context = await e2e.browser.newContext({ locale })
      const page = await context.newPage()
      const errors = pageErrors(page)
      await page.goto(`${e2e.server.url}/`)
      const dialog = await openPanel(page, strings)
      const number = await fileReport(dialog, strings, { symptoms: text.symptoms, name: 'Ada Lovelace', email: 'ada@example.com' })
      expect(number).toMatch(/^INC-\d{6}$/)
      await expect.poll(() => dialog.getByTestId('triage-sla').textContent()).toMatch(text.sla)
      expect(await dialog.getByTestId('triage-status').textContent()).toBe(strings.status.new)
      expect(Object.values(strings.priority)).toContain(await dialog.getByTestId('triage-priority').textContent())

      // What the agents see is what the reporter sent.
      const team = agent(e2e.server)
      const incident = await team.incident(number)
      expect(incident).toMatchObject({ symptoms: text.symptoms, contact: { name: 'Ada Lovelace', email: 'ada@example.com' } })
      expect(Object.keys(incident['answers'] as object).length).toBeGreaterThan(0)

      // Live: the agent's reply and the new status arrive over the event stream.
      const navigations: string[] = []
      page.on('framenavigated', (frame) => navigations.push(frame.url()))
      await team.reply(number, text.reply)
      const timeline = dialog.getByTestId('triage-timeline')
      await expect.poll(() => timeline.textContent(), { timeout: 10_000 }).toContain(text.reply)
      await expect.poll(() => dialog.getByTestId('triage-status').textContent()).toBe(strings.status.in_progress)

      // The reporter answers, the agent resolves, the reporter confirms: closed.
      await dialog.getByLabel(strings.replyLabel).fill('Thanks, trying now')
      await dialog.getByTestId('triage-reply-send').click()
      await expect.poll(() => timeline.textContent()).toContain('Thanks, trying now')
      await team.resolve(number, text.note)
      await expect.poll(() => dialog.getByTestId('triage-status').textContent(), { timeout: 10_000 }).toBe(strings.status.resolved)
      expect(await timeline.textContent()).toContain(text.note)
      await dialog.getByRole('button', { name: strings.fixed }).click()
      await expect.poll(() => dialog.getByTestId('triage-status').textContent()).toBe(strings.status.closed)
      expect(await team.incident(number)).toMatchObject({ status: 'closed' })
      // Closed is not the end of following: an agent's reopening shows, live, with the reply box back.
      await team.reopen(number)
      await expect.poll(() => dialog.getByTestId('triage-status').textContent(), { timeout: 10_000 }).toBe(strings.status.in_progress)
      await dialog.getByTestId('triage-reply').waitFor()
      expect(navigations).toEqual([])

      // "My reports" remembers it on the next visit.
      await page.reload()
      const again = await openPanel(page, strings)
      await again.getByRole('button', { name: strings.myReports }).click()
      await expect.poll(() => again.getByTestId('triage-reports').textContent()).toContain(number)
      expect(errors).toEqual([])
      await context.close()
    }, 60_000)
  }

  it('offers the fix of a resolved incident while the reporter describes it, in French: "Oui" files nothing, "Non" goes on to questions of a category they can change', async () => {
    const team = agent(e2e.server)
    const seed = await fetch(`${e2e.server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'x-triage-key': e2e.server.publishableKey, 'content-type': 'application/json', 'idempotency-key': 'deflection-seed', origin: e2e.server.url },
      body: JSON.stringify({ symptoms: 'L’export des factures échoue avec un message d’erreur' }),
    })
    await team.resolve(((await seed.json()) as { number: string }).number, 'Les gros exports partent désormais par e-mail.')
    const incidents = async () =>
      ((await (await fetch(`${e2e.server.url}/v1/incidents?limit=200`, { headers: { authorization: `Bearer ${e2e.server.secretKey}` } })).json()) as { items: unknown[] }).items
        .length
    const filed = await incidents()

    const context = await e2e.browser.newContext({ locale: 'fr-FR' })
    const page = await context.newPage()
    const errors = pageErrors(page)
    await page.goto(`${e2e.server.url}/`)
    const describeIt = async () => {
      const dialog = await openPanel(page, fr)
      await dialog.getByLabel(fr.symptomsLabel).fill('L’export des factures échoue avec un message d’erreur depuis ce matin')
      const suggestion = dialog.getByTestId('triage-suggestion')
      await expect.poll(() => suggestion.textContent()).toContain('Les gros exports partent désormais par e-mail.')
      expect(await suggestion.textContent()).toContain(fr.suggestionQuestion)
      return dialog
    }

    const solved = await describeIt()
    await solved.getByRole('button', { name: fr.yes, exact: true }).click()
    await expect.poll(() => solved.getByTestId('triage-deflected').textContent()).toBe(`${fr.deflectedTitle}${fr.deflectedBody}${fr.myReports}${fr.newReport}`)
    expect(await incidents()).toBe(filed)

    await page.reload()
    const notSolved = await describeIt()
    await notSolved.getByRole('button', { name: fr.no, exact: true }).click()
    const category = notSolved.getByLabel(fr.categoryLabel)
    await category.waitFor()
    await category.selectOption({ label: fr.category['access'] })
    await expect.poll(() => notSolved.getByText(/^Question 1 sur \d+( au plus)?$/).count()).toBe(1)
    expect(await category.inputValue()).toBe('access')
    await notSolved.getByRole('button', { name: fr.back }).click()
    await expect.poll(() => notSolved.getByLabel(fr.symptomsLabel).inputValue()).toContain('L’export des factures')
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('tells a French reporter at the contact step that their e-mail address cannot be one, and goes on once fixed', async () => {
    const context = await e2e.browser.newContext({ locale: 'fr-FR' })
    const page = await context.newPage()
    await page.goto(`${e2e.server.url}/`)
    const dialog = await openPanel(page, fr)
    await dialog.getByLabel(fr.symptomsLabel).fill('La synchronisation ne se termine jamais')
    await dialog.getByTestId('triage-next').click()
    await dialog.locator(`h3:text-is("${fr.diagnoseTitle}"), h3:text-is("${fr.contactTitle}")`).waitFor()
    await answerQuestions(dialog, fr)
    const email = dialog.getByLabel(fr.emailLabel)
    await email.fill('ada.exemple.fr')
    await dialog.getByTestId('triage-next').click()
    await expect.poll(() => dialog.locator('#triage-email-error').textContent()).toBe(fr.emailInvalid)
    expect(await email.getAttribute('aria-invalid')).toBe('true')
    expect(await email.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true)
    await email.fill('ada@exemple.fr')
    await dialog.getByTestId('triage-next').click()
    await dialog.getByTestId('triage-send').waitFor()
    await context.close()
  }, 60_000)

  it('queues a report written offline and shows its ticket number once back online', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    const errors = pageErrors(page)
    await page.goto(`${e2e.server.url}/`)
    const dialog = await openPanel(page, en)
    await context.setOffline(true)
    await dialog.getByLabel(en.symptomsLabel).fill('The sync spinner never stops on the train')
    await dialog.getByTestId('triage-next').click()
    await dialog.locator(`h3:text-is("${en.contactTitle}")`).waitFor()
    await dialog.getByTestId('triage-next').click()
    await dialog.getByTestId('triage-send').click()
    const queued = dialog.getByTestId('triage-queued')
    await queued.waitFor()
    expect(await queued.textContent()).toContain('will be sent when you are back online')

    await context.setOffline(false)
    const number = dialog.getByTestId('triage-number')
    await expect.poll(() => number.textContent(), { timeout: 15_000 }).toMatch(/^INC-\d{6}$/)
    expect(await agent(e2e.server).incident((await number.textContent()) ?? '')).toMatchObject({ symptoms: 'The sync spinner never stops on the train' })
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('names its own icon, so a browser asks for no /favicon.ico that would 404', async () => {
    const page = await e2e.browser.newPage()
    await page.goto(`${e2e.server.url}/`)
    const icon = await page.locator('link[rel~="icon"]').getAttribute('href')
    expect(icon).toMatch(/^data:image\/svg\+xml,/)
    await page.close()
  })
})

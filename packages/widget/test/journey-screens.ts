// Every screen of the reporter's journey, reached as a person reaches it, in real Chromium against
// the real server: the layout test checks each one, `npm run screenshots` photographs them.
import type { Locator, Page } from 'playwright-core'
import type { EphemeralServer } from '@triage/testing/ephemeral-server'
import type { Locale, Strings } from '../src/i18n/index.ts'
import type { Answers } from './e2e.ts'
import { agent, answerQuestions, openPanel } from './e2e.ts'

/**
 * Called on each screen: `name` orders and names it; `doc` marks those the README shows; `show` is
 * the part of a long panel to scroll to for the picture.
 */
export type OnScreen = (name: string, doc: boolean, show?: Locator) => Promise<void>

/** What the reporter writes, and how they answer, in each language. */
const words: Record<Locale, { symptoms: string; seed: string; note: string; answers: Answers; reply: string; other: string; fixed: string }> = {
  en: {
    symptoms: 'Exporting my notes to PDF fails with an error since this morning',
    seed: 'Exporting notes to PDF fails with an error',
    note: 'Long notes now export in the background: you get the PDF by e-mail.',
    // Only she is affected, it always happens, the rest of the app works.
    answers: { choices: { impact: 'me', workaround: 'yes', bug_frequency: 'always', bug_whole_app_down: 'no' }, text: 'Export failed, please try again later' },
    reply: 'Thanks Ada. Does it happen with a short note too?',
    other: 'The dashboard charts stay empty after the update',
    fixed: 'Fixed in version 2.4.2: notes of any length export again.',
  },
  fr: {
    symptoms: 'L’export des notes en PDF échoue avec une erreur depuis ce matin',
    seed: 'L’export des notes en PDF échoue avec une erreur',
    note: 'Les longues notes s’exportent désormais en arrière-plan : vous recevez le PDF par e-mail.',
    answers: { choices: { impact: 'me', workaround: 'yes', bug_frequency: 'always', bug_whole_app_down: 'no' }, text: 'Échec de l’export, réessayez plus tard' },
    reply: 'Merci Ada. Cela arrive-t-il aussi avec une note courte ?',
    other: 'Les graphiques du tableau de bord restent vides depuis la mise à jour',
    fixed: 'Corrigé dans la version 2.4.2 : les notes de toute longueur s’exportent à nouveau.',
  },
}

/**
 * What the journeys need on the server: a resolved incident in each language whose public note the
 * describe step offers, and a second app with a known problem (an open major incident made of many
 * similar reports, with its public title) for the notice. Run once per server.
 */
export async function seedJourneys(server: EphemeralServer): Promise<{ noticeKey: string }> {
  const team = agent(server)
  for (const [index, language] of (['en', 'fr'] as const).entries()) {
    const response = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'x-triage-key': server.publishableKey, 'content-type': 'application/json', 'idempotency-key': `journey-seed-${index}` },
      body: JSON.stringify({ symptoms: words[language].seed, context: { locale: language } }),
    })
    await team.resolve(((await response.json()) as { number: string }).number, words[language].note)
  }
  const shop = await server.addApp('Shop with a known problem')
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'x-triage-key': shop.publishableKey, 'content-type': 'application/json' },
      body: JSON.stringify({ symptoms: `Checkout payment page fails with an error ${i}` }),
    })
    if (response.status !== 201) throw new Error(`seeding the known problem: ${response.status} ${await response.text()}`)
  }
  const list = (await (await fetch(`${server.url}/v1/incidents?limit=200`, { headers: { authorization: `Bearer ${shop.secretKey}` } })).json()) as {
    items: { id: string; isMajor: boolean }[]
  }
  const major = list.items.find((item) => item.isMajor)
  if (!major) throw new Error('five similar reports made no major incident')
  await fetch(`${server.url}/v1/incidents/${major.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${shop.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ publicTitle: 'Payments fail at checkout' }),
  })
  return { noticeKey: shop.publishableKey }
}

const heading = (dialog: Locator) => dialog.locator('h3').first()

/** Chromium's switches for its fake screen, which `getDisplayMedia` shares without asking. */
export const fakeScreen = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--auto-accept-this-tab-capture']

/**
 * At "Check and send": a screenshot with a part hidden (the fake screen, see {@link fakeScreen}),
 * when asked, and a log. The layout test leaves the screenshot out: in a browser running several
 * contexts on a loaded machine, Chromium's fake screen sharing sometimes never answered (twice in
 * four full runs); `attachments.e2e.test.ts` and `npm run screenshots` (which checks the editor's
 * layout too) take one in a browser of their own.
 */
async function addAttachments(page: Page, dialog: Locator, strings: Strings, onScreen: OnScreen, screenshot: boolean): Promise<void> {
  await dialog.getByRole('button', { name: strings.addAttachments }).click()
  if (screenshot) await addScreenshot(page, dialog, strings, onScreen)
  await dialog.getByTestId('triage-file').setInputFiles({ name: 'console.log', mimeType: 'text/plain', buffer: Buffer.from('TypeError: rows is undefined\n') })
  await dialog.getByTestId('triage-attached').last().waitFor()
  await onScreen('04-review-attachments', true, dialog.getByTestId('triage-send'))
}

async function addScreenshot(page: Page, dialog: Locator, strings: Strings, onScreen: OnScreen): Promise<void> {
  await page.bringToFront()
  await dialog.getByRole('button', { name: strings.screenshot }).click()
  const shot = dialog.getByTestId('triage-shot')
  // The editor, or the words of a screenshot that failed, which the failure then names.
  await dialog.getByTestId('triage-shot').or(dialog.getByText(strings.screenshotFailed)).waitFor()
  if ((await shot.count()) === 0) throw new Error(`no screenshot: the widget says "${strings.screenshotFailed}"`)
  const box = (await shot.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.15)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.45)
  await page.mouse.up()
  await onScreen('04-review-screenshot', true, dialog.getByTestId('triage-use-shot'))
  await dialog.getByRole('button', { name: strings.useScreenshot }).click()
  await dialog.getByTestId('triage-attached').waitFor({ timeout: 15_000 })
}

/**
 * The whole journey on the demo page: launcher; describe (empty, then with a suggestion); each
 * question; contact (a wrong address, then a right one); review, with a screenshot and a log; confirmation; the agent's reply;
 * resolved; closed; "My reports"; a suggestion that solves it; a report saved offline.
 */
export async function walkJourney(page: Page, server: EphemeralServer, locale: Locale, strings: Strings, onScreen: OnScreen, { screenshot = false } = {}): Promise<void> {
  const text = words[locale]
  const team = agent(server)
  await page.goto(`${server.url}/`)
  await page.getByRole('button', { name: strings.launcher }).waitFor()
  await onScreen('00-launcher', true)
  const dialog = await openPanel(page, strings)
  await dialog.getByTestId('triage-next').click()
  await dialog.getByText(strings.symptomsRequired).waitFor()
  await onScreen('01-describe-missing', false)
  await dialog.getByLabel(strings.symptomsLabel).fill(text.symptoms)
  await dialog.getByTestId('triage-suggestion').waitFor()
  await onScreen('01-describe', true)
  await dialog.getByTestId('triage-not-solved').click()
  await dialog.getByRole('radio').first().waitFor()
  let question = 0
  await answerQuestions(dialog, strings, () => onScreen(question++ === 0 ? '02-diagnose' : `02-diagnose-${question}`, question === 1), text.answers)
  await dialog.getByLabel(strings.emailLabel).fill('ada@')
  await dialog.getByTestId('triage-next').click()
  await dialog.getByText(strings.emailInvalid).waitFor()
  await onScreen('03-contact-invalid', false)
  await dialog.getByLabel(strings.nameLabel).fill('Ada Lovelace')
  await dialog.getByLabel(strings.emailLabel).fill('ada@example.com')
  await onScreen('03-contact', true)
  await dialog.getByTestId('triage-next').click()
  await dialog.getByTestId('triage-send').waitFor()
  await onScreen('04-review', true)
  await addAttachments(page, dialog, strings, onScreen, screenshot)
  await dialog.getByTestId('triage-send').click()
  await dialog.getByTestId('triage-sla').waitFor()
  await onScreen('05-confirmation', true)
  const number = (await dialog.getByTestId('triage-number').textContent()) ?? ''
  await team.reply(number, text.reply)
  await dialog.getByText(text.reply).waitFor()
  await onScreen('06-follow', true)
  await team.resolve(number, text.fixed)
  await dialog.getByTestId('triage-fixed').waitFor()
  await onScreen('07-resolved', true)
  await dialog.getByTestId('triage-fixed').click()
  await dialog.getByRole('button', { name: strings.reopen }).waitFor()
  await onScreen('08-closed', true)
  await dialog.getByRole('button', { name: strings.myReports }).click()
  await dialog.getByTestId('triage-reports').waitFor()
  await onScreen('09-my-reports', true)
  // Another problem, which a resolved incident's note solves.
  await dialog.getByRole('button', { name: strings.back }).click()
  await dialog.getByRole('button', { name: strings.newReport }).click()
  await dialog.getByLabel(strings.symptomsLabel).fill(text.symptoms)
  await dialog.getByTestId('triage-solved').click()
  await dialog.getByTestId('triage-deflected').waitFor()
  await onScreen('10-deflected', false)
  // And one more, sent offline: saved on the device.
  await dialog.getByRole('button', { name: strings.newReport }).click()
  await dialog.getByLabel(strings.symptomsLabel).fill(text.other)
  await dialog.getByTestId('triage-next').click()
  await dialog.locator(`h3:text-is("${strings.diagnoseTitle}"), h3:text-is("${strings.contactTitle}")`).waitFor()
  await answerQuestions(dialog, strings)
  await dialog.getByTestId('triage-next').click()
  await dialog.getByTestId('triage-send').waitFor()
  await page.context().setOffline(true)
  await dialog.getByTestId('triage-send').click()
  await dialog.getByTestId('triage-queued').waitFor()
  await onScreen('11-queued', false)
  await page.context().setOffline(false)
  if ((await heading(dialog).textContent()) === null) throw new Error('the panel closed on its own')
}

/** A visitor of the shop with a known problem: the notice, then "Me too" and the report that follows it. */
export async function walkKnownProblem(page: Page, server: EphemeralServer, noticeKey: string, strings: Strings, onScreen: OnScreen): Promise<void> {
  // The demo page, with the shop's key in place of the demo app's.
  await page.route(`${server.url}/`, async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, body: (await response.text()).replaceAll(server.publishableKey, noticeKey) })
  })
  await page.goto(`${server.url}/`)
  const dialog = await openPanel(page, strings)
  await dialog.getByTestId('triage-notice').waitFor()
  await onScreen('12-notice', true)
  await dialog.getByTestId('triage-me-too').click()
  await dialog.getByTestId('triage-number').waitFor()
  await dialog.getByTestId('triage-sla').waitFor()
  await onScreen('13-me-too', true)
}

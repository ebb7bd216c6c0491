import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import type { ReportCreated } from '@triage/protocol'
import { latestEventSeq } from '../src/storage/notifications.ts'
import { readSetting } from '../src/storage/settings.ts'
import type { TestServer } from './harness.ts'
import { postReport, sendAs, startTestServer } from './harness.ts'

// A real SMTP server on loopback stands in for the mail relay: nodemailer speaks SMTP to it.
interface Mail {
  to: string
  subject: string
  text: string
}
const inbox: Mail[] = []
let sink: SMTPServer
let server: TestServer

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({ to: mail.to && !Array.isArray(mail.to) ? mail.to.text : '', subject: mail.subject ?? '', text: mail.text ?? '' })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve))
  const port = (sink.server.address() as AddressInfo).port
  server = await startTestServer({ smtpUrl: `smtp://127.0.0.1:${port}` })
})
afterAll(async () => {
  await server.stop()
  await new Promise<void>((resolve) => sink.close(() => resolve()))
})

async function waitForMail(count: number): Promise<void> {
  for (let tries = 0; tries < 100 && inbox.length < count; tries++) await new Promise((resolve) => setTimeout(resolve, 50))
}

it('e-mails the reporter agents’ public replies and the resolution, in their language, and nothing internal', async () => {
  const created = (await (
    await postReport(server, server.publishableKey, {
      symptoms: 'Les factures ne se téléchargent plus',
      contact: { name: 'Zoé', email: 'zoe@example.fr' },
      context: { locale: 'fr-FR' },
    })
  ).json()) as ReportCreated
  const silent = (await (await postReport(server, server.publishableKey, { symptoms: 'No e-mail given' })).json()) as ReportCreated
  // The reporter is told how replies will arrive: here by e-mail too, since an address was given.
  expect(created.emailUpdates).toBe(true)
  expect(silent.emailUpdates).toBe(false)

  await sendAs(server, 'POST', `/v1/incidents/${created.id}/messages`, server.secretKey, { body: 'Quel navigateur utilisez-vous ?', visibility: 'public' })
  await sendAs(server, 'POST', `/v1/incidents/${created.id}/messages`, server.secretKey, { body: 'Internal: bug in the PDF service', visibility: 'internal' })
  await sendAs(server, 'POST', `/v1/incidents/${silent.id}/messages`, server.secretKey, { body: 'Nobody to tell', visibility: 'public' })
  await sendAs(server, 'POST', `/v1/incidents/${created.id}/resolve`, server.secretKey, { resolution: 'restarted pdf-service', publicNote: 'Corrigé : réessayez.' })

  await waitForMail(2)
  // No mail may come later: the notifier has read the event log to its end (its cursor is past
  // the last event), so what it sent is all it will send for these events.
  await vi.waitFor(async () => expect(await readSetting(server.db, 'notify_cursor')).toBe(String(await latestEventSeq(server.db))), { timeout: 5_000 })
  expect(inbox.map((mail) => mail.subject)).toEqual([`[${created.number}] Nouvelle réponse à votre signalement`, `[${created.number}] Votre signalement est résolu`])
  expect(inbox.every((mail) => mail.to === 'zoe@example.fr')).toBe(true)
  expect(inbox[0]?.text).toContain('Bonjour Zoé,')
  expect(inbox[0]?.text).toContain('Quel navigateur utilisez-vous ?')
  expect(inbox[1]?.text).toContain('Corrigé : réessayez.')
  const everything = JSON.stringify(inbox)
  expect(everything).not.toContain('Internal: bug')
  expect(everything).not.toContain('restarted pdf-service')
  expect(everything).not.toContain('Nobody to tell')
})

import { createTransport } from 'nodemailer'
import type { Notifier } from './notifier.ts'

/**
 * A notifier over SMTP, through nodemailer (the well-kept standard for it).
 * @param url e.g. `smtp://user:password@mail.example.com:587` or `smtps://…:465`
 * @param from e.g. `Acme Support <support@acme.example>`
 */
export function createSmtpNotifier(url: string, from: string): Notifier & { close(): void } {
  const transport = createTransport(url)
  return {
    async send(notification) {
      await transport.sendMail({ from, to: notification.to, subject: notification.subject, text: notification.text })
    },
    close: () => transport.close(),
  }
}

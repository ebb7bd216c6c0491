/** One e-mail to a reporter. */
export interface Notification {
  to: string
  subject: string
  text: string
}

/**
 * Sends notifications to reporters. Pluggable: SMTP on Node (notify/smtp.ts), anything with a
 * `send` elsewhere (an e-mail API over fetch on Workers).
 */
export interface Notifier {
  send(notification: Notification): Promise<void>
}

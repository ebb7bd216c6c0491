import type { Notification } from './notifier.ts'
import type { NotifiableEvent } from '../../storage/notifications.ts'
import { formatNumber } from '../../ids.ts'

type Locale = 'en' | 'fr'

const copy = {
  en: {
    message: (number: string) => `[${number}] New reply to your report`,
    resolved: (number: string) => `[${number}] Your report is resolved`,
    closed: (number: string) => `[${number}] Your report is closed`,
    reopened: (number: string) => `[${number}] Your report is open again`,
    greeting: (name: string | null) => (name ? `Hello ${name},` : 'Hello,'),
    resolvedBody: 'We have resolved the problem you reported.',
    closedBody: 'Your report is closed. Thank you for telling us.',
    reopenedBody: 'Your report is open again; we are on it.',
    footer: (app: string) => `You can follow your report and answer in ${app}, where you reported it.`,
  },
  fr: {
    message: (number: string) => `[${number}] Nouvelle réponse à votre signalement`,
    resolved: (number: string) => `[${number}] Votre signalement est résolu`,
    closed: (number: string) => `[${number}] Votre signalement est clos`,
    reopened: (number: string) => `[${number}] Votre signalement est rouvert`,
    greeting: (name: string | null) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    resolvedBody: 'Nous avons résolu le problème que vous avez signalé.',
    closedBody: 'Votre signalement est clos. Merci de nous l’avoir signalé.',
    reopenedBody: 'Votre signalement est rouvert ; nous nous en occupons.',
    footer: (app: string) => `Vous pouvez suivre votre signalement et répondre dans ${app}, là où vous l’avez fait.`,
  },
} as const

function localeOf(context: string): Locale {
  try {
    const locale = (JSON.parse(context) as { locale?: unknown }).locale
    return typeof locale === 'string' && locale.toLowerCase().startsWith('fr') ? 'fr' : 'en'
  } catch {
    return 'en'
  }
}

/** The e-mail for one event, in the reporter's language; plain text, so nothing in it is markup. */
export function notificationFor(event: NotifiableEvent): Notification | undefined {
  const words = copy[localeOf(event.context)]
  const number = formatNumber(event.incidentNumber)
  const data = JSON.parse(event.data) as { body?: unknown }
  const body = typeof data.body === 'string' ? data.body : undefined
  let subject: string
  let lines: string[]
  switch (event.type) {
    case 'message':
      if (!body) return undefined
      subject = words.message(number)
      lines = [body]
      break
    case 'resolved':
      subject = words.resolved(number)
      lines = body ? [words.resolvedBody, '', body] : [words.resolvedBody]
      break
    case 'closed':
      subject = words.closed(number)
      lines = [words.closedBody]
      break
    case 'reopened':
      subject = words.reopened(number)
      lines = [words.reopenedBody]
      break
    default:
      return undefined
  }
  return { to: event.contactEmail, subject, text: [words.greeting(event.contactName), '', ...lines, '', '—', words.footer(event.appName)].join('\n') }
}

import type { Breadcrumb, ReportCreate } from '@triage/protocol'

/** What reporters write, in English and French, across the taxonomy's categories. */
const symptoms = [
  'I cannot log in: the password reset link says it expired',
  'Checkout fails with an error after I enter my card, the payment spinner never stops',
  'The export button does nothing, no CSV is downloaded',
  'The dashboard is very slow since this morning, every page takes 20 seconds',
  'I was charged twice for the same order #48213',
  'All my saved drafts disappeared after the update',
  'How do I add a second admin to our account?',
  'Someone logged into my account from another country, I did not do that',
  'The app shows "network error" on every action, the office wifi works for other sites',
  'Images are not loading in the product gallery on Safari',
  'Je ne peux plus me connecter, le code de vérification n’arrive jamais par SMS',
  'Le paiement échoue avec une erreur 500 quand je valide le panier',
  'La facture de novembre est fausse, la TVA est comptée deux fois',
  'Toutes mes données ont disparu après la mise à jour de ce matin',
  'Le site est très lent depuis hier soir, impossible de travailler',
  'Comment exporter la liste de mes clients au format Excel ?',
  'Le bouton « Envoyer » ne fait rien sur le formulaire de contact',
  'Quelqu’un a modifié mon mot de passe sans mon accord',
]

const answerSets: ReportCreate['answers'][] = [
  undefined,
  { impact: 'me', workaround: 'yes' },
  { impact: 'team', workaround: 'no' },
  { impact: 'everyone', workaround: 'no', since: 'today' },
  { impact: 'me', workaround: 'no', browser_restarted: true, attempts: 3 },
]

const contacts: ReportCreate['contact'][] = [
  undefined,
  { name: 'Ada Lovelace', email: 'ada@example.com' },
  { email: 'camille.martin@example.fr' },
  { name: 'Jean Dupont', email: 'jean.dupont@example.fr' },
]

const pages = ['https://shop.example/login', 'https://shop.example/checkout', 'https://app.example/dashboard', 'https://app.example/fr/factures/2026-11']

const userAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 15_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 19_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
]

function breadcrumbs(page: string, index: number): Breadcrumb[] {
  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 28, 9, 30, seconds)).toISOString()
  const trail: Breadcrumb[] = [
    { at: at(1), type: 'navigation', message: `navigated to ${page}` },
    { at: at(4), type: 'click', message: 'button#submit' },
    { at: at(5), type: 'http', message: 'POST /api/orders', level: 'error', data: { status: 500, durationMs: 812 } },
    { at: at(6), type: 'console', message: 'Uncaught TypeError: Cannot read properties of undefined', level: 'error' },
  ]
  return trail.slice(0, 1 + (index % trail.length))
}

/**
 * `count` distinct report bodies as JSON text, built once so the load generator spends its time
 * sending, not serializing: symptoms in both languages, answers, contact, page context.
 */
export function reportBodies(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const symptom = symptoms[index % symptoms.length] ?? ''
    const french = /[éèàçù’«]|^(Je|Le|La|Toutes|Comment|Quelqu)/.test(symptom)
    const page = pages[index % pages.length] ?? pages[0]
    const report: ReportCreate = {
      symptoms: index < symptoms.length ? symptom : `${symptom} (report ${index})`,
      answers: answerSets[index % answerSets.length],
      contact: contacts[index % contacts.length],
      context: {
        url: page,
        userAgent: userAgents[index % userAgents.length],
        locale: french ? 'fr-FR' : 'en-GB',
        timeZone: french ? 'Europe/Paris' : 'Europe/London',
        viewport: { width: 1280 + (index % 3) * 160, height: 800 },
        appVersion: `4.${index % 12}.0`,
        breadcrumbs: breadcrumbs(page ?? '', index),
      },
    }
    return JSON.stringify(report)
  })
}

import { enCategoryNames, frCategoryNames } from '@triage/protocol'

/**
 * The default taxonomy for apps: each category with the words (English and French, folded)
 * that point to it. An app can replace it with its own list of categories.
 */
export interface Category {
  id: string
  label: { en: string; fr: string }
  /** Folded word stems that suggest this category; a stem matches any word it starts. */
  keywords: string[]
  /** How much one keyword counts; security outweighs the everyday words around a breach. */
  weight?: number
}

/** A built-in category's one name per language (see the protocol's category names). */
const names = (id: string) => ({ en: enCategoryNames[id] ?? id, fr: frCategoryNames[id] ?? id })

export const defaultTaxonomy: Category[] = [
  {
    id: 'access',
    label: names('access'),
    keywords: [
      'login',
      'log in',
      'sign in',
      'signin',
      'password',
      'locked',
      '2fa',
      'mfa',
      'otp',
      'sso',
      'access',
      'permission',
      'connexion',
      'connecter',
      'mot de passe',
      'identifiant',
      'acces',
      'bloque',
      'authenti',
    ],
  },
  {
    id: 'billing',
    label: names('billing'),
    keywords: [
      'invoice',
      'billing',
      'charged',
      'charge',
      'refund',
      'payment',
      'subscription',
      'card',
      'plan',
      'facture',
      'paiement',
      'rembourse',
      'abonnement',
      'carte',
      'preleve',
    ],
  },
  {
    id: 'bug',
    label: names('bug'),
    keywords: [
      'crash',
      'error',
      'bug',
      'broken',
      'exception',
      'blank',
      'freeze',
      'frozen',
      'not working',
      "doesn't work",
      'does not work',
      'fails',
      'failed',
      'plante',
      'erreur',
      'bogue',
      'bug',
      'marche pas',
      'fonctionne pas',
      'fige',
      'page blanche',
    ],
  },
  {
    id: 'performance',
    label: names('performance'),
    keywords: ['slow', 'lag', 'latency', 'takes forever', 'loading', 'spinner', 'timeout', 'hangs', 'lent', 'lenteur', 'rame', 'chargement', 'met du temps'],
  },
  {
    id: 'data_loss',
    label: names('data_loss'),
    keywords: ['lost', 'missing', 'disappeared', 'deleted', 'gone', 'wiped', 'perdu', 'disparu', 'supprime', 'efface', 'manquant'],
  },
  {
    id: 'connectivity',
    label: names('connectivity'),
    keywords: [
      'offline',
      'network',
      'cannot connect',
      "can't connect",
      'unreachable',
      'down',
      'outage',
      '502',
      '503',
      '504',
      'server error',
      'reseau',
      'hors ligne',
      'panne',
      'injoignable',
      'indisponible',
    ],
  },
  {
    id: 'notifications',
    label: names('notifications'),
    keywords: ['notification', 'email', 'e-mail', 'mail', 'push', 'sms', 'alert', 'not receiving', 'recu', 'recois', 'courriel'],
  },
  {
    id: 'how_to',
    label: names('how_to'),
    keywords: [
      'how do i',
      'how to',
      'how can i',
      'is it possible',
      'feature',
      'would like',
      'please add',
      'could you add',
      'request',
      'comment faire',
      'comment puis',
      'est-il possible',
      'fonctionnalite',
      'je voudrais',
      'pourriez',
      'souhaite',
    ],
  },
  {
    id: 'security',
    label: names('security'),
    weight: 3,
    keywords: [
      'hacked',
      'breach',
      'leak',
      'leaked',
      'phishing',
      'compromised',
      'taken over',
      'stolen',
      'unauthorized',
      'suspicious',
      'privacy',
      'pirate',
      'fuite',
      'vol de',
      'usurp',
      'frauduleu',
      'donnees personnelles',
    ],
  },
]

/** Used when nothing in the text points anywhere. */
export const fallbackCategoryId = 'bug'

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

export const defaultTaxonomy: Category[] = [
  {
    id: 'access',
    label: { en: 'Access & login', fr: 'Accès et connexion' },
    keywords: ['login', 'log in', 'sign in', 'signin', 'password', 'locked', '2fa', 'mfa', 'otp', 'sso', 'access', 'permission', 'connexion', 'connecter', 'mot de passe', 'identifiant', 'acces', 'bloque', 'authenti'],
  },
  {
    id: 'billing',
    label: { en: 'Account & billing', fr: 'Compte et facturation' },
    keywords: ['invoice', 'billing', 'charged', 'charge', 'refund', 'payment', 'subscription', 'card', 'plan', 'facture', 'paiement', 'rembourse', 'abonnement', 'carte', 'preleve'],
  },
  {
    id: 'bug',
    label: { en: 'Bug & crash', fr: 'Bogue et plantage' },
    keywords: ['crash', 'error', 'bug', 'broken', 'exception', 'blank', 'freeze', 'frozen', 'not working', "doesn't work", 'does not work', 'fails', 'failed', 'plante', 'erreur', 'bogue', 'bug', 'marche pas', 'fonctionne pas', 'fige', 'page blanche'],
  },
  {
    id: 'performance',
    label: { en: 'Performance', fr: 'Performance' },
    keywords: ['slow', 'lag', 'latency', 'takes forever', 'loading', 'spinner', 'timeout', 'hangs', 'lent', 'lenteur', 'rame', 'chargement', 'met du temps'],
  },
  {
    id: 'data_loss',
    label: { en: 'Data loss', fr: 'Perte de données' },
    keywords: ['lost', 'missing', 'disappeared', 'deleted', 'gone', 'wiped', 'perdu', 'disparu', 'supprime', 'efface', 'manquant'],
  },
  {
    id: 'connectivity',
    label: { en: 'Connectivity & outage', fr: 'Connexion réseau et panne' },
    keywords: ['offline', 'network', 'cannot connect', "can't connect", 'unreachable', 'down', 'outage', '502', '503', '504', 'server error', 'reseau', 'hors ligne', 'panne', 'injoignable', 'indisponible'],
  },
  {
    id: 'notifications',
    label: { en: 'Notifications & e-mail', fr: 'Notifications et e-mails' },
    keywords: ['notification', 'email', 'e-mail', 'mail', 'push', 'sms', 'alert', 'not receiving', 'recu', 'recois', 'courriel'],
  },
  {
    id: 'how_to',
    label: { en: 'Feature request & how-to', fr: 'Demande et mode d’emploi' },
    keywords: ['how do i', 'how to', 'how can i', 'is it possible', 'feature', 'would like', 'please add', 'could you add', 'request', 'comment faire', 'comment puis', 'est-il possible', 'fonctionnalite', 'je voudrais', 'pourriez', 'souhaite'],
  },
  {
    id: 'security',
    label: { en: 'Security & privacy', fr: 'Sécurité et confidentialité' },
    weight: 3,
    keywords: ['hacked', 'breach', 'leak', 'leaked', 'phishing', 'compromised', 'taken over', 'stolen', 'unauthorized', 'suspicious', 'privacy', 'pirate', 'fuite', 'vol de', 'usurp', 'frauduleu', 'donnees personnelles'],
  },
]

/** Used when nothing in the text points anywhere. */
export const fallbackCategoryId = 'bug'

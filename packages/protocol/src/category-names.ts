/**
 * The one name of each built-in category, per language: the widget, the diagnosis, the engine's
 * taxonomy and the agents' views all say it so (issue #14: "Access & login" on one screen and
 * "Access and sign-in" on the next read as two things). Plain words a reporter understands.
 * Two constants, not one object, so a browser bundle in one language carries only its own.
 */
export const enCategoryNames: Readonly<Record<string, string>> = {
  access: 'Access and sign-in',
  billing: 'Billing and payments',
  bug: 'Something does not work',
  performance: 'Slowness',
  data_loss: 'Lost or missing data',
  connectivity: 'Outage or network',
  notifications: 'Notifications and e-mails',
  how_to: 'A question or a request',
  security: 'Security and privacy',
}

export const frCategoryNames: Readonly<Record<string, string>> = {
  access: 'Accès et connexion',
  billing: 'Facturation et paiements',
  bug: 'Quelque chose ne marche pas',
  performance: 'Lenteurs',
  data_loss: 'Données perdues ou manquantes',
  connectivity: 'Panne ou réseau',
  notifications: 'Notifications et e-mails',
  how_to: 'Une question ou une demande',
  security: 'Sécurité et confidentialité',
}

/** Every language's names, for the server (the widget imports only its own language's constant). */
export const categoryNames = { en: enCategoryNames, fr: frCategoryNames } as const

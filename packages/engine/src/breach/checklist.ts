import type { LocalizedText } from '../diagnosis/types.ts'

/** Hours to notify the supervisory authority after becoming aware of a breach (GDPR art. 33(1)). */
export const breachNotificationHours = 72

/**
 * What to do about a suspected personal-data breach, in order, for the L3 agent who takes it.
 * @see https://gdpr-info.eu/art-33-gdpr/ and https://gdpr-info.eu/art-34-gdpr/
 */
export const breachChecklist: readonly LocalizedText[] = [
  {
    en: 'Contain it: end the affected sessions, reset the credentials and rotate any exposed keys.',
    fr: 'Contenir : fermer les sessions touchées, réinitialiser les identifiants et changer les clés exposées.',
  },
  {
    en: 'Keep the evidence: access logs, IP addresses and times; delete nothing.',
    fr: 'Conserver les preuves : journaux d’accès, adresses IP et horaires ; ne rien supprimer.',
  },
  {
    en: 'Assess it: which personal data, how many people, and the likely consequences for them.',
    fr: 'Évaluer : quelles données personnelles, combien de personnes, et les conséquences probables pour elles.',
  },
  {
    en: 'Notify the supervisory authority within 72 hours of becoming aware, unless the breach is unlikely to harm anyone (GDPR art. 33).',
    fr: 'Notifier l’autorité de contrôle (la CNIL en France) dans les 72 heures, sauf si la violation ne présente pas de risque (RGPD art. 33).',
  },
  {
    en: 'Tell the people affected without undue delay if the risk to them is high (GDPR art. 34).',
    fr: 'Informer les personnes concernées dans les meilleurs délais si le risque pour elles est élevé (RGPD art. 34).',
  },
  {
    en: 'Record the breach, its effects and what was done in the breach register, even if not notified (GDPR art. 33(5)).',
    fr: 'Consigner la violation, ses effets et les mesures prises dans le registre des violations, même sans notification (RGPD art. 33(5)).',
  },
]

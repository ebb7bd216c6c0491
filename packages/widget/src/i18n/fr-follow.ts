import type { FollowStrings } from './strings.ts'

/** The French words of the screens after a report exists, which load with them (`widget-follow-fr.js`). */
export const frFollow: FollowStrings = {
  receivedTitle: 'Merci, nous avons reçu votre signalement',
  numberLabel: 'Numéro de ticket',
  statusLabel: 'État',
  priorityLabel: 'Priorité',
  slaLabel: 'Notre engagement',
  repliesHere: 'Nous vous répondrons ici.',
  repliesEmail: 'Nous vous répondrons ici et par e-mail.',
  timelineTitle: 'Historique',
  agent: 'Support',
  reporter: 'Vous',
  replyLabel: 'Votre réponse',
  replySend: 'Répondre',
  fixed: 'C’est réglé',
  stillWrongLabel: 'Qu’est-ce qui ne va toujours pas ? (facultatif)',
  stillBroken: 'Toujours en panne',
  reopen: 'Rouvrir',
  actionFailed: 'Cela n’a pas abouti. Réessayez.',
  noReports: 'Aucun signalement envoyé depuis ce navigateur.',
  queuedStatus: 'En attente d’envoi',
  event: {
    created: 'Signalement reçu',
    status_changed: 'État : {status}',
    resolved: 'Résolu',
    reopened: 'Rouvert',
    closed: 'Clos',
  },
  status: {
    new: 'Nouveau — bien reçu',
    in_progress: 'En cours — quelqu’un s’en occupe',
    pending_reporter: 'En attente de votre réponse — il nous faut des précisions',
    resolved: 'Résolu — ce devrait être réglé',
    closed: 'Clos — ce signalement est terminé',
  },
  priority: {
    P1: 'Critique — traité immédiatement',
    P2: 'Haute',
    P3: 'Normale',
    P4: 'Basse',
  },
}

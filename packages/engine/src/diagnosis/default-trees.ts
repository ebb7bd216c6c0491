import { commonQuestions } from './common-questions.ts'
import type { QuestionTree } from './types.ts'

const yes = 'yes'

/**
 * The guided questions for each category of the default taxonomy (taxonomy.ts), English and French.
 * Question ids are unique across trees, so an answer means one thing wherever it is read.
 */
export const defaultQuestionTrees: readonly QuestionTree[] = [
  {
    categoryId: 'access',
    questions: [
      ...commonQuestions,
      {
        id: 'access_problem',
        kind: 'choice',
        text: { en: 'What happens when you try to sign in?', fr: 'Que se passe-t-il quand vous essayez de vous connecter ?' },
        options: [
          { id: 'forgot_password', label: { en: 'I forgot my password', fr: 'J’ai oublié mon mot de passe' } },
          { id: 'locked_out', label: { en: 'My account is locked', fr: 'Mon compte est bloqué' } },
          { id: 'code_not_received', label: { en: 'I don’t get the login code', fr: 'Je ne reçois pas le code de connexion' } },
          { id: 'error_message', label: { en: 'An error message appears', fr: 'Un message d’erreur s’affiche' } },
          { id: 'no_permission', label: { en: 'I’m signed in but a page is refused', fr: 'Je suis connecté mais une page m’est refusée' } },
        ],
      },
      {
        id: 'access_error_text',
        kind: 'short_text',
        text: { en: 'What does the error say?', fr: 'Que dit le message d’erreur ?' },
        showIf: { questionId: 'access_problem', equals: 'error_message' },
      },
      {
        id: 'access_unknown_activity',
        kind: 'yes_no',
        text: {
          en: 'Did you see activity you didn’t do (a login alert, a changed password or e-mail)?',
          fr: 'Avez-vous vu une activité qui n’est pas de vous (alerte de connexion, mot de passe ou e-mail changé) ?',
        },
        signals: [{ equals: yes, categoryId: 'security', why: 'the reporter saw account activity they did not do' }],
      },
    ],
  },
  {
    categoryId: 'billing',
    questions: [
      ...commonQuestions,
      {
        id: 'billing_problem',
        kind: 'choice',
        text: { en: 'What is wrong with the billing?', fr: 'Quel est le problème de facturation ?' },
        options: [
          { id: 'charged_twice', label: { en: 'I was charged twice', fr: 'J’ai été prélevé deux fois' } },
          { id: 'wrong_amount', label: { en: 'The amount is wrong', fr: 'Le montant est faux' } },
          { id: 'refund', label: { en: 'I want a refund', fr: 'Je veux un remboursement' } },
          { id: 'payment_fails', label: { en: 'My payment fails', fr: 'Mon paiement échoue' } },
          { id: 'invoice', label: { en: 'I need an invoice', fr: 'J’ai besoin d’une facture' } },
        ],
      },
      {
        id: 'billing_reference',
        kind: 'short_text',
        maxLength: 100,
        text: { en: 'Invoice or order number, if you have one', fr: 'Numéro de facture ou de commande, si vous l’avez' },
        showIf: { questionId: 'billing_problem', equals: ['charged_twice', 'wrong_amount', 'refund', 'invoice'] },
      },
    ],
  },
  {
    categoryId: 'bug',
    questions: [
      ...commonQuestions,
      {
        id: 'bug_frequency',
        kind: 'choice',
        text: { en: 'How often does it happen?', fr: 'À quelle fréquence cela arrive-t-il ?' },
        options: [
          { id: 'always', label: { en: 'Every time', fr: 'À chaque fois' } },
          { id: 'sometimes', label: { en: 'Sometimes', fr: 'Parfois' } },
          { id: 'once', label: { en: 'It happened once', fr: 'Une seule fois' } },
        ],
      },
      {
        id: 'bug_whole_app_down',
        kind: 'yes_no',
        text: { en: 'Is the whole app unavailable, not just one feature?', fr: 'Toute l’application est-elle indisponible, pas seulement une fonction ?' },
        signals: [{ equals: yes, categoryId: 'connectivity', why: 'the whole app is unavailable' }],
      },
      {
        id: 'bug_error_text',
        kind: 'short_text',
        text: { en: 'What does the error message say, if any?', fr: 'Que dit le message d’erreur, s’il y en a un ?' },
      },
    ],
  },
  {
    categoryId: 'performance',
    questions: [
      ...commonQuestions,
      {
        id: 'performance_where',
        kind: 'choice',
        text: { en: 'Where is it slow?', fr: 'Où est-ce lent ?' },
        options: [
          { id: 'whole_app', label: { en: 'Everywhere in the app', fr: 'Partout dans l’application' } },
          { id: 'one_page', label: { en: 'On one page', fr: 'Sur une page' } },
          { id: 'one_action', label: { en: 'For one action', fr: 'Pour une action' } },
        ],
      },
      {
        id: 'performance_delay',
        kind: 'choice',
        text: { en: 'How long does it take?', fr: 'Combien de temps cela prend-il ?' },
        options: [
          { id: 'seconds', label: { en: 'A few seconds', fr: 'Quelques secondes' } },
          { id: 'minutes', label: { en: 'More than a minute', fr: 'Plus d’une minute' } },
          { id: 'never_loads', label: { en: 'It never finishes', fr: 'Cela ne finit jamais' } },
        ],
        signals: [{ equals: 'never_loads', categoryId: 'connectivity', why: 'pages never finish loading' }],
      },
    ],
  },
  {
    categoryId: 'data_loss',
    questions: [
      ...commonQuestions,
      {
        id: 'data_loss_what',
        kind: 'choice',
        text: { en: 'What is missing?', fr: 'Qu’est-ce qui manque ?' },
        options: [
          { id: 'records', label: { en: 'Records or documents', fr: 'Des fiches ou des documents' } },
          { id: 'files', label: { en: 'Files or attachments', fr: 'Des fichiers ou pièces jointes' } },
          { id: 'settings', label: { en: 'Settings', fr: 'Des réglages' } },
          { id: 'account', label: { en: 'My whole account', fr: 'Tout mon compte' } },
        ],
      },
      {
        id: 'data_loss_someone_else',
        kind: 'yes_no',
        text: { en: 'Could someone else have accessed your account?', fr: 'Quelqu’un d’autre a-t-il pu accéder à votre compte ?' },
        signals: [{ equals: yes, categoryId: 'security', why: 'someone else may have accessed the account' }],
      },
      {
        id: 'data_loss_has_copy',
        kind: 'yes_no',
        text: { en: 'Do you have a copy or an export of it?', fr: 'En avez-vous une copie ou un export ?' },
      },
    ],
  },
  {
    categoryId: 'connectivity',
    questions: [
      ...commonQuestions,
      {
        id: 'connectivity_scope',
        kind: 'choice',
        text: { en: 'Where does it fail?', fr: 'Où cela échoue-t-il ?' },
        options: [
          { id: 'this_device', label: { en: 'Only on this device or network', fr: 'Seulement sur cet appareil ou ce réseau' } },
          { id: 'all_devices', label: { en: 'On every device and network', fr: 'Sur tous les appareils et réseaux' } },
        ],
      },
      {
        id: 'connectivity_error_code',
        kind: 'short_text',
        maxLength: 200,
        text: { en: 'Any error code shown (e.g. 502, timeout)?', fr: 'Un code d’erreur s’affiche-t-il (ex. 502, délai dépassé) ?' },
      },
    ],
  },
  {
    categoryId: 'notifications',
    questions: [
      ...commonQuestions,
      {
        id: 'notifications_channel',
        kind: 'choice',
        text: { en: 'Which messages are missing?', fr: 'Quels messages manquent ?' },
        options: [
          { id: 'email', label: { en: 'E-mails', fr: 'E-mails' } },
          { id: 'push', label: { en: 'Push notifications', fr: 'Notifications push' } },
          { id: 'sms', label: { en: 'Text messages (SMS)', fr: 'SMS' } },
          { id: 'in_app', label: { en: 'In-app notifications', fr: 'Notifications dans l’application' } },
        ],
      },
      {
        id: 'notifications_spam_checked',
        kind: 'yes_no',
        text: { en: 'Did you check your spam folder?', fr: 'Avez-vous vérifié vos courriers indésirables ?' },
        showIf: { questionId: 'notifications_channel', equals: 'email' },
      },
      {
        id: 'notifications_unexpected',
        kind: 'yes_no',
        text: {
          en: 'Did you get a message about something you didn’t do (a password or e-mail change)?',
          fr: 'Avez-vous reçu un message sur une action que vous n’avez pas faite (mot de passe ou e-mail changé) ?',
        },
        signals: [{ equals: yes, categoryId: 'security', why: 'the reporter was told of a change they did not make' }],
      },
    ],
  },
  {
    categoryId: 'how_to',
    questions: [
      ...commonQuestions,
      {
        id: 'how_to_kind',
        kind: 'choice',
        text: { en: 'What do you need?', fr: 'De quoi avez-vous besoin ?' },
        options: [
          { id: 'explain', label: { en: 'How to do something', fr: 'Savoir comment faire' } },
          { id: 'feature', label: { en: 'A new feature', fr: 'Une nouvelle fonctionnalité' } },
          { id: 'access_request', label: { en: 'Access to something', fr: 'Un accès à quelque chose' } },
        ],
        signals: [{ equals: 'access_request', categoryId: 'access', why: 'the reporter asks for access' }],
      },
      {
        id: 'how_to_goal',
        kind: 'short_text',
        text: { en: 'What are you trying to achieve?', fr: 'Que cherchez-vous à faire ?' },
      },
    ],
  },
  {
    categoryId: 'security',
    questions: [
      ...commonQuestions,
      {
        id: 'security_what',
        kind: 'choice',
        text: { en: 'What happened?', fr: 'Que s’est-il passé ?' },
        options: [
          { id: 'someone_else_logged_in', label: { en: 'Someone else logged in to my account', fr: 'Quelqu’un d’autre s’est connecté à mon compte' } },
          { id: 'account_changed', label: { en: 'My password or e-mail was changed without me', fr: 'Mon mot de passe ou mon e-mail a été changé sans moi' } },
          { id: 'data_exposed', label: { en: 'Personal data is exposed or leaked', fr: 'Des données personnelles sont exposées ou ont fuité' } },
          { id: 'phishing', label: { en: 'A suspicious e-mail or message', fr: 'Un e-mail ou un message suspect' } },
          { id: 'vulnerability', label: { en: 'I found a security flaw', fr: 'J’ai trouvé une faille de sécurité' } },
        ],
        signals: [
          { equals: ['someone_else_logged_in', 'account_changed'], categoryId: 'security', why: 'the reporter says their account was taken over' },
          { equals: 'data_exposed', categoryId: 'security', why: 'the reporter says personal data is exposed' },
          { equals: ['phishing', 'vulnerability'], categoryId: 'security', why: 'the reporter describes a security threat' },
        ],
      },
      {
        id: 'security_credentials_entered',
        kind: 'yes_no',
        text: { en: 'Did you enter your password or card details?', fr: 'Avez-vous saisi votre mot de passe ou votre carte ?' },
        showIf: { questionId: 'security_what', equals: 'phishing' },
      },
      {
        id: 'security_noticed_at',
        kind: 'short_text',
        maxLength: 200,
        text: { en: 'When did you notice it?', fr: 'Quand l’avez-vous remarqué ?' },
      },
    ],
  },
]

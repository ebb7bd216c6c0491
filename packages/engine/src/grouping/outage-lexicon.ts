/**
 * The vocabulary people use for outages, in English and French, as concepts: what is broken
 * (`subject`: signing in, images, the calendar…) and how it fails (`symptom`: stuck loading, gone
 * missing, dropping out…). Two reports that say "Login is stuck loading" and "la page de connexion
 * tourne en boucle" share no word, but both name `signin` and `stuck`.
 *
 * Patterns are regular expressions over folded text (lower case, no accents, every character
 * that is not a letter or digit a space: "s'affichent" reads "s affichent"), matched on word
 * boundaries. They are written for the behaviour, not for any data set: each lists the everyday
 * words of both languages for one idea.
 */
export interface OutageConcept {
  id: string
  /** What the concept is about, in words for an agent: "12 reports in 6 min about {label}". */
  label: string
  /** `subject`: the part of the app; `symptom`: how it fails. */
  role: 'subject' | 'symptom'
  /** A subject that says by itself that something is wrong ("logged out", "not arriving"). */
  failure?: boolean
  /**
   * What kind of failure a symptom (or failing subject) is: `down`, something does not work (does not
   * load, is gone, errors); `wrong`, it works but gives a wrong result. An outage is one subject
   * failing one way: "the CSV export is empty" and "the CSV has semicolons" are two problems.
   * Default `down`; `null` for symptoms that say neither (how often).
   */
  family?: 'down' | 'wrong' | null
  /** A symptom that speaks of the whole app when no part is named ("very slow", "503"); others say little without a part. */
  appWide?: boolean
  /** Weight of the concept in a report's signature; a term weighs 1. */
  weight: number
  patterns: readonly string[]
}

export const outageConcepts: readonly OutageConcept[] = [
  // What is broken.
  {
    id: 'signin',
    label: 'signing in',
    role: 'subject',
    weight: 3,
    patterns: [
      'log ?ins?', 'logg?ing in', 'logins?', 'logon', 'sign(?:s|ed|ing)? ?in', 'signins?', 'connexions?', '(?:me|se|te|nous|vous|les) (?:re)?connect\\w*',
      'authenti\\w*', 'identifi(?:ant|ants|er|cation)', 'credentials?', 'sso', 'single sign on',
    ],
  },
  {
    id: 'session',
    label: 'being signed out',
    role: 'subject',
    failure: true,
    weight: 3,
    patterns: [
      'log(?:s|ged|ging)? (?:me |us |you |them |him |her |everyone |people )?out', 'sign(?:s|ed|ing)? (?:me |us |you |them |everyone )?out', 'logouts?',
      'kick(?:s|ed|ing)? (?:me |us |them )?(?:out|off|back)', 'sessions?', 'deconnecte\\w*', 'deconnexions?', 'relog\\w*', 're log\\w*', 'expir\\w*', 'perime\\w*',
    ],
  },
  {
    id: 'password',
    label: 'passwords',
    role: 'subject',
    weight: 3,
    patterns: ['passwords?', 'mots? de passe', 'mdp', 'passcodes?', 'reset links?', 'reinitialis\\w*', 'forgot(?:ten)? password'],
  },
  {
    id: 'code',
    label: 'verification codes',
    role: 'subject',
    weight: 3,
    patterns: [
      '2fa', 'mfa', 'otp', 'two factor', 'two step', 'double authentification', 'verification\\w*', 'validation codes?', 'codes? (?:de )?(?:verification|connexion|securite|validation|confirmation)', 'authenticator', 'security codes?', 'one time (?:codes?|passwords?)',
      'confirmation codes?', '(?<!error |erreur |status |promo |discount |postal |zip )codes?(?! d erreur| promo| postal)',
    ],
  },
  {
    id: 'image',
    label: 'images',
    role: 'subject',
    weight: 3,
    patterns: ['imag\\w*', 'pictures?', 'pics?', 'photo\\w*', 'thumbnails?', 'vignettes?', 'avatars?', 'icons?', 'icones?', 'logos?', 'illustrations?', 'gifs?', 'jpe?g', 'png'],
  },
  {
    id: 'video',
    label: 'video',
    role: 'subject',
    weight: 3,
    patterns: ['videos?', 'visio\\w*', 'webcams?', 'cameras?', 'streams?', 'streaming', 'screen ?shar\\w*', 'partage d ecran'],
  },
  {
    id: 'call',
    label: 'calls and meetings',
    role: 'subject',
    weight: 3,
    patterns: ['calls?', 'calling', 'appels?', 'join(?:s|ed|ing)?', 'rejoin\\w*', 'rejoindre', 'conferenc\\w*', 'meetings?', 'reunions?', 'visio\\w*', 'huddles?', 'webinars?', 'rooms?'],
  },
  {
    id: 'playback',
    label: 'playback',
    role: 'subject',
    weight: 3,
    patterns: ['playback', 'play(?:er|ers|ing)', 'lecture', 'lecteurs?', 'music', 'musiques?', 'songs?', 'chansons?', 'tracks?', 'morceaux?', 'podcasts?', 'playlists?', 'radio'],
  },
  {
    id: 'subtitles',
    label: 'subtitles',
    role: 'subject',
    weight: 3,
    patterns: ['subtitles?', 'sous titres?', 'sous titrages?', 'captions?', 'closed captions?', 'cc'],
  },
  {
    id: 'smart_device',
    label: 'connected devices',
    role: 'subject',
    weight: 3,
    patterns: ['smart \\w+', 'lights?', 'lamps?', 'lampes?', 'bulbs?', 'ampoules?', 'thermostats?', 'sensors?', 'capteurs?', 'plugs?', 'prises? connectees?', 'connected devices?', 'objets? connectes?', 'appareils? connectes?', 'alarms?', 'alarmes?', 'locks?', 'serrures?', 'hubs?', 'box'],
  },
  {
    id: 'ticket',
    label: 'tickets and passes',
    role: 'subject',
    weight: 3,
    patterns: ['boarding pass(?:es)?', 'cartes? d embarquement', 'check ?ins?', 'e ?tickets?', 'tickets?', 'billets?', 'passes', 'pass', 'vouchers?', 'bons?', 'qr codes?', 'barcodes?', 'codes? barres?'],
  },
  {
    id: 'audio',
    label: 'sound',
    role: 'subject',
    weight: 3,
    patterns: ['audio', 'sound', 'sounds', 'son', 'microphones?', 'micros?', 'mics?', 'mut(?:e|ed|es)', 'hear\\w*', 'entend\\w*', 'speakers?', 'haut parleurs?', 'voice', 'voix'],
  },
  {
    id: 'calendar',
    label: 'the calendar',
    role: 'subject',
    weight: 3,
    patterns: ['calend\\w*', 'agendas?', 'events?', 'evenements?', 'meetings?', 'rendez vous', 'rdv', 'appointments?', 'schedul\\w*', 'planning', 'reunions?', 'bookings?', 'reservations?'],
  },
  {
    id: 'sync',
    label: 'sync between devices',
    role: 'subject',
    weight: 3,
    patterns: [
      'sync\\w*', 'synchro\\w*', 'across (?:my |all |our |the )?devices', '(?:other|another|second|each|both) (?:devices?|computers?|phones?|laptops?)',
      'autres? appareils?', '(?:entre|sur) (?:mes|nos|les|tous mes|tous les) appareils',
    ],
  },
  {
    id: 'device',
    label: 'devices',
    role: 'subject',
    weight: 1.5,
    patterns: ['devices?', 'appareils?', 'phones?', 'mobiles?', 'laptops?', 'computers?', 'desktops?', 'tablets?', 'ipads?', 'iphones?', 'android', 'telephones?', 'portables?', 'ordinateurs?', 'tablettes?', 'pc'],
  },
  {
    id: 'save',
    label: 'saving',
    role: 'subject',
    weight: 3,
    patterns: ['sav(?:e|es|ed|ing)', 'enregistr\\w*', 'sauvegard\\w*', 'persist\\w*', 'stor(?:e|ed|es|ing)', 'autosav\\w*'],
  },
  {
    id: 'edits',
    label: 'edits',
    role: 'subject',
    weight: 1.5,
    patterns: ['edit(?:s|ed|ing)?', 'changes', 'modifications?', 'modifi\\w*', 'changements?', 'drafts?', 'brouillons?'],
  },
  {
    id: 'payment',
    label: 'payments',
    role: 'subject',
    weight: 3,
    patterns: [
      'pay', 'pays', 'paying', 'payments?', 'paid', 'paiements?', 'payer', 'paye\\w*', 'checkout', 'check out', 'cards?', 'cartes? (?:bancaires?|bleues?|de credit|de paiement)',
      'paniers?', 'carts?', 'baskets?', 'orders?', 'commandes?', 'purchas\\w*', 'achats?', 'acheter', 'stripe', 'paypal', 'transactions?',
    ],
  },
  {
    id: 'transfer',
    label: 'transfers',
    role: 'subject',
    weight: 3,
    patterns: ['transfers?', 'transferts?', 'virements?', 'wires?', 'payouts?', 'versements?', 'send(?:ing)? money', 'sent money', 'envois? d argent', 'withdraw\\w*', 'retraits?', 'deposits?', 'depots?'],
  },
  {
    id: 'balance',
    label: 'balances',
    role: 'subject',
    weight: 3,
    patterns: ['balances?', 'soldes?', 'funds', 'fonds', 'wallets?', 'portefeuilles?', 'money', 'argent'],
  },
  {
    id: 'billing',
    label: 'billing',
    role: 'subject',
    weight: 3,
    patterns: [
      'invoic\\w*', 'factur\\w*', 'bill(?:s|ing|ed)?', 'receipts?', 'charged', 'charges', 'refunds?', 'refunded', 'rembours\\w*', 'subscri\\w*', 'abonnements?', 'plans?', 'offres?',
      'pric\\w*', 'tarifs?', 'prix', 'dollars?', 'euros?', 'currenc\\w*', 'devises?', 'vat', 'tva', 'tax\\w*',
    ],
  },
  {
    id: 'search',
    label: 'search',
    role: 'subject',
    weight: 3,
    patterns: ['search\\w*', 'recherch\\w*', 'cherch\\w*', 'results?', 'resultats?', 'filters?', 'filtr\\w*', 'queries', 'query', 'requetes?'],
  },
  {
    id: 'upload',
    label: 'uploads',
    role: 'subject',
    weight: 3,
    patterns: ['upload\\w*', 'televers\\w*', 'import\\w*', 'attach\\w*', 'pieces? jointes?', 'joindre', 'joint(?:s|es)?', 'drag and drop', 'glisser', 'deposer'],
  },
  {
    id: 'download',
    label: 'downloads and exports',
    role: 'subject',
    weight: 3,
    patterns: ['download\\w*', 'telecharg\\w*', 'export\\w*', 'csv', 'xlsx?', 'excel'],
  },
  {
    id: 'file',
    label: 'files and documents',
    role: 'subject',
    weight: 2,
    patterns: ['files?', 'fichiers?', 'documents?', 'docs?', 'folders?', 'dossiers?', 'pdfs?', 'spreadsheets?', 'drive'],
  },
  {
    id: 'notify',
    label: 'notifications and e-mails',
    role: 'subject',
    weight: 3,
    patterns: ['notif\\w*', 'e ?mails?', 'mails?', 'courriels?', 'push', 'sms', 'texts', 'text messages?', 'alerts?', 'alertes?', 'newsletters?', 'inbox', 'boite de reception'],
  },
  {
    id: 'message',
    label: 'messages',
    role: 'subject',
    weight: 3,
    patterns: ['(?<!error )messag\\w*(?! d erreur)', 'chats?', 'chatting', 'conversations?', 'dms?', 'direct messages?', 'messageries?', 'repl(?:y|ies)', 'comments', 'commentaires?', 'commented', 'commenting', '(?:a|the|my|your|this|each|every|new|post|add|leave|posting|adding|un|le|mon|ce) comment', 'comment (?:box|section|field|button|thread|editor|form)', 'post(?:s|ed|ing)?', 'publi(?:er|e|ee|es|cations?|sh\\w*)', 'threads?', 'fils? de discussion'],
  },
  {
    id: 'dashboard',
    label: 'the dashboard',
    role: 'subject',
    weight: 3,
    patterns: ['dashboards?', 'tableaux? de bord', 'charts?', 'graphs?', 'graphiques?', 'graphes?', 'analytics', 'statisti\\w*', 'stats', 'metrics', 'kpis?', 'widgets?'],
  },
  {
    id: 'map',
    label: 'maps',
    role: 'subject',
    weight: 3,
    patterns: ['maps?', 'cartes?(?! (?:bancaires?|bleues?|de credit|de paiement|cadeau|de fidelite|sim|d embarquement))', 'map tiles?', 'gps', 'locations?', 'localisations?', 'locator', 'itinerair\\w*', 'directions', 'pins?', 'streets?', 'rues?'],
  },
  {
    id: 'print',
    label: 'printing',
    role: 'subject',
    weight: 3,
    patterns: ['print\\w*', 'imprim\\w*', 'impressions?'],
  },
  {
    id: 'link',
    label: 'links',
    role: 'subject',
    weight: 2,
    patterns: ['links?', 'liens?', 'urls?', 'redirect\\w*', 'redirig\\w*'],
  },
  {
    id: 'network',
    label: 'the connection',
    role: 'subject',
    weight: 2,
    patterns: ['networks?', 'reseaux?', 'internet', 'wi ?fi', 'offline', 'hors ligne', 'connections?', 'connectivity', 'api', 'backend', 'dns', 'vpn', 'ssl', 'certificats?', 'certificates?', 'proxy'],
  },
  {
    id: 'account',
    label: 'accounts and settings',
    role: 'subject',
    weight: 1.5,
    patterns: ['accounts?', 'comptes?', 'profil\\w*', 'settings', 'parametres?', 'preferences?', 'reglages?'],
  },
  {
    id: 'records',
    label: 'records',
    role: 'subject',
    weight: 1,
    patterns: ['data', 'donnees', 'records?', 'entries', 'entry', 'items?', 'contacts?', 'projects?', 'projets?', 'tasks?', 'taches?', 'lists?', 'listes?', 'notes?'],
  },
  {
    id: 'layout',
    label: 'the page layout',
    role: 'subject',
    weight: 3,
    patterns: ['styl(?:e|es|ed|ing|esheets?)', 'css', 'layouts?', 'mise en (?:page|forme)', 'formatting', 'unformatted', 'formatage', 'design', 'fonts?', 'polices?', 'alignment', 'theme', 'themes?', 'dark mode', 'mode sombre', 'looks? (?:weird|wrong|strange|like)'],
  },
  {
    id: 'quiz',
    label: 'quizzes and exams',
    role: 'subject',
    weight: 3,
    patterns: ['quiz\\w*', 'questionnaires?', 'exams?', 'examens?', 'scores?', 'grades?', 'assignments?', 'devoirs?', 'submissions?'],
  },
  {
    id: 'timeclock',
    label: 'time tracking',
    role: 'subject',
    weight: 3,
    patterns: ['clock(?:ing|ed|s)? (?:in|out)', 'clock ins?', 'punch(?:ing|ed|es)? (?:in|out)', 'pointer', 'pointages?', 'pointeuses?', 'badg(?:er|euse|eage)', 'time ?sheets?', 'feuilles? de temps', 'time tracking', 'track(?:ing)? (?:my )?(?:time|hours)', 'suivi (?:du|des) temps', 'timers?'],
  },
  {
    id: 'dates',
    label: 'dates and times',
    role: 'subject',
    weight: 3,
    patterns: ['dates?', 'deadlines?', 'due dates?', 'echeances?', 'timestamps?', 'time ?zones?', 'fuseaux? horaires?', 'heures?', 'times of day', 'clocks?', 'horloges?', 'yesterday', 'hier', 'tomorrow', 'demain', 'days?', 'jours?', 'weekdays?'],
  },
  {
    id: 'site',
    label: 'the whole app',
    role: 'subject',
    weight: 1,
    patterns: ['sites?', 'websites?', 'web sites?', 'apps?', 'applications?', 'applis?', 'platform\\w*', 'plateformes?', 'services?', 'whole (?:app|site|thing|platform)', 'everything', 'entire (?:app|site|platform)', '(?:all|every|each) pages?', 'toutes les pages', 'tout le site', 'everywhere', 'partout', 'nulle part'],
  },
  {
    id: 'language',
    label: 'languages',
    role: 'subject',
    weight: 2,
    patterns: ['translat\\w*', 'traduc\\w*', 'traduit\\w*', 'langu\\w*', 'spanish', 'french', 'english', 'german', 'espagnol', 'francais', 'anglais', 'allemand'],
  },

  // How it fails.
  {
    id: 'loading',
    // Showing, opening, loading are what fails, not that it fails: the negation ("won't load") says that.
    family: null,
    label: 'not loading',
    role: 'symptom',
    weight: 1.5,
    patterns: [
      'load(?:s|ed|ing)?', 'reload\\w*', 'charg(?:e|es|ent|er|ement|ements)', 'affich\\w*', 'display\\w*', 'render\\w*', 'appear(?:s|ed|ing)?', 'appara\\w*', 'apparu\\w*', 'show(?:s|ed|n|ing)?', 'visibles?', 'invisibles?', 'opens?', 'open(?:ed|ing)', 'ouvr\\w*', 'ouvert\\w*',
    ],
  },
  {
    id: 'stuck',
    label: 'stuck loading',
    role: 'symptom',
    weight: 2,
    patterns: [
      'spin\\w*', 'tourn\\w*', 'en boucle', 'loops?', 'looping', 'stuck', 'bloqu\\w*', 'hang(?:s|ing)?', 'hung', 'freez\\w*', 'frozen', 'fig(?:e|ee|es|ent)', 'never (?:finish|end|load|complete)\\w*',
      'forever', 'infinite\\w*', 'endless\\w*', 'sans fin', 'pending', 'en attente', 'timeouts?', 'times? out', 'timed out', 'keeps? loading', 'still loading', 'loading wheel', 'sablier', 'roue',
    ],
  },
  {
    id: 'blank',
    label: 'blank screens',
    role: 'symptom',
    weight: 1.5,
    patterns: ['blank', 'empty', 'vides?', 'grey', 'gray', 'gris\\w*', 'white screen', 'ecran blanc', 'page blanche', 'squares?', 'carres?', 'placeholders?', 'broken icons?', 'shows? nothing', 'nothing shows', 'rien ne s affiche', 'n affiche rien'],
  },
  {
    id: 'none',
    label: 'nothing coming back',
    role: 'symptom',
    weight: 2,
    patterns: [
      'no results?', 'zero results?', '0 results?', 'finds? nothing', 'found nothing', 'returns? nothing', 'nothing (?:comes back|came back|found|at all|works)', 'aucun\\w* resultats?', 'rien ne (?:sort|vient|remonte|marche)',
      'no (?!one\\b|idea\\b|way\\b|problem\\b|rush\\b|longer\\b)\\w+', 'plus aucun\\w*', 'gets? no', 'getting no', 'receiv(?:e|ing) no', 'plus rien', 'ne renvoie\\w* (?:rien|plus)', 'only (?:the )?\\w+', 'without (?:any )?\\w+', 'sans \\w+',
      'contains? nothing', 'none of', 'aucun\\w* de', 'nothing(?= $)', 'rien(?= $)', 'pas de (?!probleme|souci|soucis|panique)\\w+', '(?:nobody|no one|personne) (?:can|could|is able|ne peut|n arrive)\\w*', 'ne contien\\w* (?:rien|plus rien|aucun\\w*)', '0 ?(?:kb|ko|bytes?|octets?)', 'zero bytes?', 'plus de (?!\\d)\\w+',
    ],
  },
  {
    id: 'gone',
    label: 'gone missing',
    role: 'symptom',
    weight: 2,
    patterns: [
      'disappear\\w*', 'dispar\\w*', 'gone', 'vanish\\w*', 'missing', 'manqu\\w*', 'lost', 'los(?:e|es|ing)', 'perdu\\w*', 'delet\\w*', 'suppr\\w*', 'effac\\w*', 'wiped?', 'erased?',
      'no longer there', 'introuvables?', 'can t find', 'cannot find', 'empty', 'vides?',
    ],
  },
  {
    id: 'drops',
    label: 'dropping out',
    role: 'symptom',
    weight: 2,
    patterns: ['drop(?:s|ped|ping)?', 'stops?', 'stopping', 's arret\\w*', 'arrete\\w*', 'cuts? off', 'cut out', 'disconnect\\w*', 'deconnect\\w*', 'cut(?:s|ting)? (?:out|off)', 'cutting', 'coup(?:e|es|ent|er|ure|ures|ee)', 'interrupt\\w*', 'interromp\\w*', 'hangs? up', 'raccroch\\w*', 'ejected'],
  },
  {
    id: 'no_effect',
    label: 'doing nothing',
    role: 'symptom',
    weight: 2,
    patterns: [
      'does nothing', 'do nothing', 'did nothing', 'nothing happens', 'nothing happened', 'no effect', 'no response', 'not respond\\w*', '(?:don t|doesn t|won t|didn t) (?:respond|react|work)', 'unresponsive', 'ne fait rien', 'rien ne se passe', 'aucun effet', 'aucune reaction',
      'ne repond\\w*', 'silently', 'sans effet', 'has no effect', 'not stored', 'nothing is stored', 'not persist\\w*', 'don t persist', 'doesn t persist', 'not saved',
    ],
  },
  {
    id: 'silent',
    label: 'no sound',
    role: 'symptom',
    weight: 2,
    patterns: ['silen\\w*', 'muted', 'no sound', 'no audio', 'can t hear', 'cannot hear', 'can not hear', 'n entend\\w* (?:rien|plus|pas)', 'inaudible', 'muet\\w*', 'sans son'],
  },
  {
    id: 'unreachable',
    appWide: true,
    label: 'unreachable',
    role: 'symptom',
    weight: 2.5,
    patterns: [
      'down', 'outage', 'pannes?', 'inaccessibles?', 'unreachable', 'injoignables?', 'indisponibles?', 'unavailable', 'offline', 'hors (?:service|ligne)', 'can t (?:reach|access|open|get to)', 'cannot (?:reach|access|open|get to)',
      'won t open', 'doesn t open', 'not opening', '50[234]', 'service unavailable', 'bad gateway', 'ne s ouvre\\w* (?:pas|plus)', 'n est plus accessible', 'acceder', 'acces impossible',
    ],
  },
  {
    id: 'shifted',
    family: 'wrong',
    label: 'shifted times',
    role: 'symptom',
    weight: 2,
    patterns: [
      'shift\\w*', 'decal\\w*', 'off by', '(?:one|a|1) (?:day|hour)s? (?:early|late|off|behind|ahead|too early|too late)', '(?:un|une|1) (?:jour|heure)s? (?:de retard|d avance|plus tot|plus tard|trop tot|trop tard)', 'd (?:un|une) (?:jour|heure)',
      'by (?:a|one|an) (?:day|hour)', 'wrong (?:date|day|time|hour)', '(?:mauvaise|mauvais) (?:date|jour|heure)', 'too early', 'too late', 'trop (?:tot|tard)', 'en retard', 'en avance',
    ],
  },
  {
    id: 'server_error',
    appWide: true,
    label: 'server errors',
    role: 'symptom',
    weight: 2.5,
    patterns: ['5\\d\\d', 'bad gateway', 'gateway', 'service unavailable', 'internal server error', 'server errors?', 'erreurs? serveur', 'erreurs? interne\\w*'],
  },
  {
    id: 'not_found',
    label: 'pages not found',
    role: 'symptom',
    weight: 2.5,
    patterns: ['404', 'not found', 'page introuvable', 'page not found', 'dead links?', 'liens? mort\\w*'],
  },
  {
    id: 'denied',
    label: 'access refused',
    role: 'symptom',
    weight: 2,
    patterns: ['403', '401', 'forbidden', 'denied', 'invalid\\w*', 'not valid', 'pas valide', 'non valide', 'refus\\w*', 'not allowed', 'unauthori[sz]ed', 'permissions?', 'interdit\\w*', 'non autoris\\w*', 'rejected', 'declined', 'rejet\\w*'],
  },
  {
    id: 'slow',
    appWide: true,
    label: 'slowness',
    role: 'symptom',
    weight: 2,
    patterns: ['slow\\w*(?! to (?:learn|understand|get used|master|figure|read))', '(?:loads?|takes?|opens?) (?:in )?(?:over|more than|almost|nearly) (?:a|an|one|\\d+) (?:minute|hour)s?', 'lent\\w*', 'lenteurs?', 'lag\\w*', 'latenc\\w*', 'takes? (?:ages|forever|minutes)', 'sluggish', 'rame', 'ramer', '(?:une|des) eternites?', 'des plombes', 'ages', 'long time', 'tres long\\w*', 'trop long\\w*'],
  },
  {
    id: 'crash',
    appWide: true,
    label: 'crashes',
    role: 'symptom',
    weight: 2,
    patterns: ['crash\\w*', 'plant(?:e|es|ent|er|age|ages)', 'closes? (?:itself|by itself|immediately|suddenly)', 'quits?', 'se ferme\\w*', 'ferme tout\\w* seule?', 'force clos\\w*', 'shuts? down'],
  },
  {
    id: 'not_received',
    label: 'not arriving',
    role: 'symptom',
    weight: 2,
    patterns: [
      'never (?:arriv|receiv|get|got|came|come)\\w*', 'not (?:receiv|arriv|get|getting|coming)\\w*', 'didn t (?:receive|get|arrive|come)', 'n arrive\\w* (?:pas|plus|jamais)', '(?:pas|jamais|plus|rien) recu\\w*',
      'ne (?:recoi|recev)\\w* (?:pas|plus|rien|jamais)', 'stopped (?:receiving|arriving|coming)', 'no longer (?:receiv|arriv|get)\\w*', '(?:doesn t|don t|didn t|won t|does not|do not) (?:come|arrive|show up|go (?:out|through))',
      '(?:isn t|aren t|not|never) (?:coming|arriving|going (?:out|through))', 'ne (?:vien|part|passe)\\w* (?:pas|plus|jamais)', 'jamais (?:recu|arrive)\\w*', 'never (?:goes|go|went) (?:out|through)',
    ],
  },
  {
    id: 'wrong',
    family: 'wrong',
    label: 'wrong values',
    role: 'symptom',
    weight: 1,
    patterns: ['wrong', 'incorrect\\w*', 'faux', 'fausses?', 'errone\\w*', 'mauvais\\w*', 'instead of', 'au lieu de'],
  },
  {
    id: 'cosmetic',
    family: 'wrong',
    label: 'how things look',
    role: 'symptom',
    weight: 1.5,
    patterns: [
      'misalign\\w*', 'mal (?:align|place|centr|positionn|tradui)\\w*', 'blurry', 'flou\\w*', 'pixel\\w*', 'typos?', 'spelling', 'misspell\\w*', 'fautes?(?: d orthographe| de frappe)?', 'too (?:big|small|long|short|large|bright|dark)',
      'trop (?:grand|petit|long|court|clair|sombre)\\w*', 'confus\\w*', 'unclear', 'not (?:clear|intuitive)', 'unintuitive', 'hard to (?:use|find|understand|read)', 'pas (?:clair|intuiti)\\w*', 'compliqu\\w*', 'complicated', 'overlap\\w*', 'chevauch\\w*', 'cut off', 'tronqu\\w*', 'truncated', 'ugly', 'moche', 'hard to read', 'difficile a lire',
    ],
  },
  {
    id: 'duplicate',
    family: 'wrong',
    label: 'duplicates',
    role: 'symptom',
    weight: 2,
    patterns: [
      '(?:charged|billed|debited|sent|received|created|shown|listed|appears?|posted|imported|booked|preleve|facture|envoye|recu|cree|affiche)\\w* (?:twice|two times|deux fois|en double|double)', 'duplicat\\w*', 'doublons?', 'en double',
      'double (?:charges?|payments?|entries|emails?|billing|bookings?|orders?)', 'dedoubl\\w*',
    ],
  },
  {
    id: 'fails',
    label: 'failures',
    role: 'symptom',
    weight: 0.6,
    patterns: [
      'fail\\w*', 'echou\\w*', 'echecs?', 'errors?', 'erreurs?', 'broken', 'messed up', 'went wrong', 'goes wrong', 'something (?:is )?wrong', 's est mal passe\\w*', 'oops', 'oups', 'cass\\w*', 'not working', 'doesn t work', 'does not work', 'don t work', 'stopped working', 'stopped', 'marche (?:pas|plus)',
      'fonctionne (?:pas|plus)', 'impossible', 'cannot', 'can t', 'unable', 'won t', 'ne peu[xt]', 'n arrive', 'dead', 'ko', 'bug\\w*',
    ],
  },
  {
    id: 'recurring',
    family: null,
    label: 'again and again',
    role: 'symptom',
    weight: 0.8,
    patterns: [
      'every (?:few |couple of |\\d+ |five |ten |two )?(?:minutes?|seconds?|times?|hours?)', 'constantly', 'keeps?', 'randomly', 'repeatedly', 'again and again', 'whenever', 'toutes les', 'sans arret', 'sans cesse', 'constamment',
      'a chaque fois', 'regulierement', 'tout le temps', 'all the time',
    ],
  },
]

/** Words that say many people are hit: evidence of an outage, not of which one. */
export const outageScopePattern =
  /\b(?:everyone|everybody|all (?:of )?(?:us|users|our users|my team|our team|customers|colleagues|my colleagues)|for all|nobody|no one|whole (?:team|company|office)|tout le monde|personne ne|tous (?:les utilisateurs|mes collegues|nos clients)|toute l equipe|down|outage|panne|everywhere|partout|anywhere)\b/

// Synthetic-but-realistic support reports for the benchmarks: English and French support phrases,
// a long tail of product words, error codes. Seeded, so every run sees the same texts.
/** Mulberry32: a tiny seeded PRNG, so every run indexes and searches the same texts. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const subjects = {
  en: [
    'the invoice page',
    'my dashboard',
    'the login screen',
    'the mobile app',
    'the export to CSV',
    'the checkout',
    'password reset',
    'the search bar',
    'notifications',
    'the calendar sync',
    'file upload',
    'the reports tab',
    'two-factor login',
    'the admin panel',
    'my profile settings',
    'the billing portal',
    'the API',
    'single sign-on',
    'the team inbox',
    'PDF download',
  ],
  fr: [
    'la page des factures',
    'mon tableau de bord',
    'l’écran de connexion',
    'l’application mobile',
    'l’export CSV',
    'le paiement',
    'la réinitialisation du mot de passe',
    'la recherche',
    'les notifications',
    'la synchronisation du calendrier',
    'l’envoi de fichiers',
    'l’onglet des rapports',
    'la double authentification',
    'le panneau d’administration',
    'mes paramètres de profil',
  ],
}
const problems = {
  en: [
    'fails with an error',
    'is very slow',
    'crashes',
    'shows a blank page',
    'does not load',
    'times out',
    'returns error 500',
    'shows error 403',
    'is stuck on a spinner',
    'logs me out',
    'lost my changes',
    'sends duplicate e-mails',
    'never finishes',
    'shows the wrong amount',
    'freezes',
  ],
  fr: [
    'échoue avec une erreur',
    'est très lent',
    'plante',
    'affiche une page blanche',
    'ne se charge pas',
    'met trop de temps',
    'renvoie une erreur 500',
    'reste bloqué',
    'me déconnecte',
    'a perdu mes modifications',
    'envoie des e-mails en double',
    'ne répond plus',
    'affiche un mauvais montant',
  ],
}
const contexts = {
  en: [
    'since the last update',
    'on my phone',
    'this morning',
    'for the whole team',
    'in Chrome',
    'on Safari',
    'after I sign in',
    'when I click save',
    'every time',
    'sometimes',
    'since yesterday',
    'for large files',
    'with the VPN on',
    'on Android',
    'on iOS',
  ],
  fr: [
    'depuis la dernière mise à jour',
    'sur mon téléphone',
    'ce matin',
    'pour toute l’équipe',
    'dans Chrome',
    'après la connexion',
    'quand je clique sur enregistrer',
    'à chaque fois',
    'parfois',
    'depuis hier',
    'avec le VPN',
  ],
}
// A long tail of product and customer words, drawn Zipf-like: a few are everywhere, most are rare.
const syllables = ['ka', 'lo', 'mi', 'ne', 'ra', 'tu', 'zo', 'pe', 'vi', 'da', 'su', 'gor', 'lin', 'bax', 'tem', 'qui']
const tail = Array.from({ length: 20_000 }, (_, i) => {
  let word = ''
  for (let n = i + 7; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length]
  return word
})

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}
const zipf = (random: () => number) => tail[Math.floor(tail.length ** random()) - 1] as string

export function report(random: () => number): string {
  const lang = random() < 0.7 ? 'en' : 'fr'
  const parts = [pick(random, subjects[lang]), pick(random, problems[lang])]
  if (random() < 0.8) parts.push(pick(random, contexts[lang]))
  if (random() < 0.4) parts.push(pick(random, problems[lang]))
  const extra = Math.floor(random() * 4)
  for (let i = 0; i < extra; i++) parts.push(zipf(random))
  if (random() < 0.2) parts.push(`ref ${Math.floor(random() * 1e6)}`)
  return parts.join(' ')
}

/**
 * Phrases (over folded text: lower case, no accents, straight apostrophes) that suggest personal
 * data was exposed or an account taken over, English and French, each with the reason it gives.
 * Kept narrow on purpose: "forgot my password", "locked out", "memory leak" or an "SLA breach" are not breaches.
 */
export interface BreachPhrase {
  pattern: RegExp
  reason: string
}

export const breachPhrases: readonly BreachPhrase[] = [
  { reason: 'says the account was hacked', pattern: /\bhack(?:ed|ing)\b(?! (?:together|around|a fix|a workaround))/ },
  { reason: 'says the account was hacked', pattern: /\bpirat(?:e|es|ee|ees|er|age)\b/ },
  {
    reason: 'mentions a data breach',
    pattern:
      /\b(?:data|security|privacy|personal data) breach|\bbreach(?:ed)? (?:of )?(?:my|our|the|customer|user|personal) ?(?:data|account|database|information)|\baccount (?:was |has been )?breached\b/,
  },
  { reason: 'mentions a data breach', pattern: /\bviolation de donnees\b/ },
  {
    reason: 'mentions leaked data',
    pattern:
      /(?<!memory )\bleaked\b|\b(?:data|information|credentials?|passwords?|privacy|e-?mail) leak(?:s|age)?\b|\bleak(?:s|age)? of (?:data|information|personal|customer|user|passwords?|credentials)\b/,
  },
  {
    reason: 'mentions leaked data',
    pattern: /\bfuite (?:de |des |d')?(?:donnees|informations|mots? de passe|emails?|e-mails?|identifiants)\b|\b(?:donnees|informations) (?:ont )?fuite/,
  },
  {
    reason: 'mentions stolen data',
    pattern: /\b(?:data|information|identity|credentials|account) (?:was |were |has been |have been )?stolen\b|\bstolen (?:data|credentials|account|identity)\b|\bidentity theft\b/,
  },
  {
    reason: 'mentions stolen data',
    pattern: /\bvol (?:de |des |d')(?:donnees|identite|identifiants|compte)\b|\b(?:donnees|identifiants|compte) (?:ont ete |a ete )?vole(?:e|es|s)?\b/,
  },
  { reason: 'mentions identity theft', pattern: /\busurp(?:ation|e|ee|er)\b/ },
  {
    reason: 'says someone else got into the account',
    pattern:
      /\bsomeone (?:else )?(?:has |had )?(?:logged|signed) (?:in|into|on)\b|\bsomeone (?:else )?(?:has |had |is )?(?:accessed|using|used|got into|broke into|took over) my account\b/,
  },
  { reason: 'says someone else got into the account', pattern: /\bquelqu'?un (?:d'?autre )?(?:s'?est connecte|a accede|a pris le controle|utilise mon compte)\b/ },
  {
    reason: 'says the account was taken over',
    pattern:
      /\b(?:account|password|credentials|login) (?:was |were |has been |have been |is |are )?(?:taken over|compromised|hijacked)\b|\baccount takeover\b|\btook over my account\b|\bcompromised (?:account|password|credentials)\b/,
  },
  { reason: 'says the account was taken over', pattern: /\b(?:compte|mot de passe|identifiants) (?:a ete |ont ete |est |sont )?(?:compromis|detourne|vole)\b/ },
  { reason: 'mentions unauthorized access', pattern: /\bunauthori[sz]ed (?:access|login|log-in|sign-in|person)\b|\bacces non autorise\b/ },
  {
    reason: 'says account details were changed without the reporter',
    pattern: /\bsomeone (?:else )?changed my (?:password|e-?mail|email address|phone number)\b|\b(?:password|e-?mail) (?:was |has been )?changed without (?:me|my)\b/,
  },
  {
    reason: 'says account details were changed without the reporter',
    pattern: /\bquelqu'?un a change mon (?:mot de passe|e-?mail|adresse)\b|\b(?:mot de passe|e-?mail) a ete change sans\b/,
  },
]

/**
 * Whether the words before a phrase, in its clause, deny it: "I was not hacked", "je n'ai pas été
 * piraté", "no data breach", "I don't think I was hacked". "Can't" is an inability, not a denial:
 * "I can't log in and someone changed my password" still counts.
 */
export function denied(before: string): boolean {
  const words = before.trim().split(/\s+/)
  const recent = words.slice(-3).join(' ')
  const last = words.at(-1) ?? ''
  return (
    /\b(?:not|never|pas|jamais)\b|(?<!\bca)n't\b/.test(recent) ||
    /^(?:no|aucun|aucune|sans)$/.test(last) ||
    /\b(?:don't|do not|didn't|did not) (?:think|believe)\b|\bne (?:pense|crois) pas\b/.test(before)
  )
}

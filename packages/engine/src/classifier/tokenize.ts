// Raw user text (URLs, e-mail addresses, stack traces, ids) and the pre-processed training text
// (lower case, no punctuation) must meet on the same words, so both go through the same folding.

const urlPattern = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"')\]]+/gi
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g
const nonAscii = /[^\u0000-\u007f]/

/**
 * English and French function words, removed so that raw text looks like pre-processed text and
 * bigrams join content words. Kept on purpose: words such as "for", "with", "can", "please" that
 * pre-processed tickets still hold and that measurably help (they mark requests and e-mails).
 * The engine's second list, on purpose (#15): `similar/stop-words.ts` drops those words too, because
 * similar incidents and grouping compare topics, and "for", "can" or "please" carry none.
 */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a an and are am at i in is it its me my of so the this that will just ' +
    'au aux avec ce ces dans de des du elle en et il ils je la le les leur lui ma mais me mes moi mon ne nos notre ' +
    'nous on ou par pas qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous est sont ai avez'
  ).split(' '),
)

/**
 * Lower-case and fold accents (NFD, then combining marks dropped), and spell out ligatures, so
 * "Écran cassé" and "ecran casse" meet. URLs become the word "url" followed by their host's words,
 * e-mail addresses the word "email".
 *
 * @param text raw or pre-processed text
 * @example
 * normalizeText('Écran CASSÉ, voir https://www.intranet.example/x') // 'ecran casse, voir  url intranet.example '
 */
export function normalizeText(text: string): string {
  let folded = text
  // The checks skip two regular expressions for the many texts without URL or address.
  if (folded.includes('://') || /www\./i.test(folded)) {
    folded = folded.replace(urlPattern, (url) => {
      const host =
        url
          .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
          .replace(/^www\./i, '')
          .split(/[/?#:]/)[0] ?? ''
      return ` url ${host} `
    })
  }
  if (folded.includes('@')) folded = folded.replace(emailPattern, ' email ')
  folded = folded.toLowerCase()
  if (nonAscii.test(folded)) {
    folded = folded
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
  }
  return folded
}

/**
 * Whether a run of letters and digits from `normalizeText` is a content word: not a stop word,
 * two to 40 characters, and not a number or id longer than six characters (ticket numbers, hashes).
 */
export function isContentWord(word: string): boolean {
  if (word.length < 2 || word.length > 40 || stopWords.has(word)) return false
  return word.length <= 6 || !/[0-9]/.test(word)
}

/**
 * The content words of a text (see `isContentWord`), normalized by `normalizeText`. Anything but
 * letters and digits splits words, so `java.lang.NullPointerException` gives `java`, `lang`,
 * `nullpointerexception`.
 *
 * @param text raw or pre-processed text
 * @example
 * tokenize("L'imprimante ne marche pas: error 0x80070005") // ['imprimante', 'marche', 'error']
 */
export function tokenize(text: string): string[] {
  return (normalizeText(text).match(/[a-z0-9]+/g) ?? []).filter(isContentWord)
}

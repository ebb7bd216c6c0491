// One light suffix stripper for English and French, in the spirit of Savoy's light French stemmer
// (https://doi.org/10.1002/(SICI)1097-4571(199910)50:10%3C944::AID-ASI9%3E3.0.CO;2-Q) and Porter's
// first steps: it aims at conflating the forms of one word (printer/printers, imprimante/imprimantes,
// installed/installation/installé), not at producing dictionary roots. Input is folded (lower case,
// no accents), so "installé" arrives as "installe". Both languages share the rules, so a ticket needs
// no language detection, and English and French forms sometimes meet (security/sécurité → securit).
//
// The engine's second stemmer, on purpose (#15): `similar/stem.ts` is the one for similar incidents
// and grouping, where a term is the stem alone, so it only strips inflections (plurals, -ing, -ed)
// and "installation" stays apart from "installer". Here the stem is an extra feature beside the word
// itself (features.ts), so conflating derivations too (-ation, -ement, -able) adds recall without
// losing the exact word; the classifier's evaluated figures (README "Triage quality") were measured
// with these rules, and the model's hashed features depend on them.

/** Suffixes removed once, longest first, when at least four letters remain. */
const suffixes = [
  'issement',
  'ement',
  'ation',
  'ateur',
  'atrice',
  'ness',
  'ique',
  'isme',
  'iste',
  'able',
  'ible',
  'euse',
  'ing',
  'ous',
  'eux',
  'ive',
  'eur',
  'ed',
  'ly',
  'er',
  'ez',
  'ee',
].sort((a, b) => b.length - a.length)

/** Doubled final consonants undone after stripping (running → runn → run); "ss" is kept (access). */
const undoubled = new Set(['bb', 'dd', 'ff', 'gg', 'll', 'mm', 'nn', 'pp', 'rr', 'tt'])

/**
 * Reduce a folded English or French word to a light stem, so inflected forms share one feature.
 * Words of three letters or fewer and words with digits come back unchanged.
 *
 * @param word a lower-case word without accents (see `tokenize`)
 * @example
 * stem('printers') === stem('printer') // true
 * stem('imprimantes') === stem('imprimante') // true
 */
export function stem(word: string): string {
  if (word.length <= 3 || /[0-9]/.test(word)) return word
  let w = word
  // Plurals: policies → polici, journaux → journal, reseaux → reseau, printers → printer.
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}i`
  else if (w.endsWith('eaux')) w = w.slice(0, -1)
  else if (w.endsWith('aux') && w.length > 5) w = `${w.slice(0, -3)}al`
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1)

  // security and securite both end as "securit".
  if (w.endsWith('ity') && w.length > 5) w = w.slice(0, -1)
  else {
    for (const suffix of suffixes) {
      if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
        w = w.slice(0, -suffix.length)
        break
      }
    }
  }

  if (w.length > 4 && (w.endsWith('e') || w.endsWith('y'))) w = w.endsWith('y') ? `${w.slice(0, -1)}i` : w.slice(0, -1)
  if (w.length > 3 && undoubled.has(w.slice(-2))) w = w.slice(0, -1)
  return w
}

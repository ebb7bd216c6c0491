/**
 * A light English/French stemmer for folded words, so "crashes", "crashed" and "crashing" meet, and
 * "bloqué", "bloquée" and "bloquer" too. It only needs to map the forms of a word to one key, not
 * to produce real words: "update" and "updated" both give "updat". Short words and numbers are kept.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  let w = word
  // Plurals (EN and FR)
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses') || /(?:ch|sh|x)es$/.test(w)) w = w.slice(0, -2)
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1)
  // Verb endings, then the French feminine/infinitive and a silent final e
  if (w.endsWith('ing') && w.length >= 6) w = undouble(w.slice(0, -3))
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('ed') && w.length >= 5) w = undouble(w.slice(0, -2))
  else if (w.endsWith('ee') && w.length >= 5) w = w.slice(0, -2)
  else if ((w.endsWith('er') || w.endsWith('ez')) && w.length >= 6) w = w.slice(0, -2)
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1)
  return w
}

/** "logg" → "log", "stopp" → "stop"; "fall", "miss" and "buzz" keep their pairs. */
function undouble(w: string): string {
  const last = w.at(-1)
  return last !== undefined && last === w.at(-2) && !'lsz'.includes(last) ? w.slice(0, -1) : w
}

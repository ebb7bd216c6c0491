import { words } from '../text.ts'
import { stem } from './stem.ts'
import { stopWords } from './stop-words.ts'

/**
 * The terms a text is indexed and compared by: `words` (folded, accents off), minus English and
 * French stop words, stemmed. Single letters are dropped; numbers (error codes) are kept.
 *
 * @example
 * terms('Les factures ne se chargent plus') // ['factur', 'chargent']
 */
export function terms(text: string): string[] {
  const out: string[] = []
  for (const word of words(text)) {
    if (word.length < 2 || stopWords.has(word)) continue
    out.push(stem(word))
  }
  return out
}

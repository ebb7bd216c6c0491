import { describe, expect, it } from 'vitest'
import { countGroupWords, emptyGroupWords, explainGroup } from './explain-group.ts'
import { reportSignature } from './report-signature.ts'

function wordsOf(texts: readonly string[]) {
  const words = emptyGroupWords()
  for (const text of texts) countGroupWords(words, reportSignature({ text }))
  return words
}

describe('explainGroup', () => {
  it('says in words what the reports are about, quoting them in both languages', () => {
    const explanation = explainGroup(
      wordsOf([
        'Login is stuck loading',
        'The login page spins forever',
        'Impossible de me connecter, la connexion tourne en boucle',
        'Login spins, loading never ends',
        'Connexion bloquée, ça tourne',
      ]),
      { reports: 12, minutes: 6 },
    )
    expect(explanation.about).toBe('signing in')
    expect(explanation.words.slice(0, 2)).toEqual(['login', 'connexion'])
    expect(explanation.words).toHaveLength(4)
    expect(explanation.summary).toBe(`12 reports in 6 min about signing in: ${explanation.words.map((word) => `'${word}'`).join(', ')}`)
  })

  it('falls back on how things fail when no report names a part of the app', () => {
    expect(explainGroup(wordsOf(['So slow today', 'Très lent ce matin', 'Slow slow slow']), { reports: 3, minutes: 0.2 }).summary).toMatch(
      /^3 reports in 1 min about slowness: 'slow'/,
    )
    expect(explainGroup(emptyGroupWords(), { reports: 1, minutes: 1 }).summary).toBe('1 report in 1 min about the same problem')
  })
})

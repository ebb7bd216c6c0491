import { describe, expect, it } from 'vitest'
import { outageConcepts } from './outage-lexicon.ts'
import { patternPrefixes } from './pattern-prefixes.ts'

describe('patternPrefixes', () => {
  it('lists the literal openings of a pattern', () => {
    expect(patternPrefixes('log(?:s|ged)? (?:me )?out', 3)).toEqual(['log'])
    expect(patternPrefixes('(?:me|se) connect\\w*', 3)).toEqual(['me ', 'se '])
    expect(patternPrefixes('e ?mails?', 3)).toEqual(['e'])
    expect(patternPrefixes('(?<!error )messag\\w*', 3)).toEqual(['mes'])
    expect(patternPrefixes('5\\d\\d', 3)).toEqual(['5'])
    expect(patternPrefixes('(?:a|the )?comment', 3)).toEqual(['com', 'aco', 'the'])
  })

  it('gives up on openings it cannot tell', () => {
    expect(patternPrefixes('\\w+ing', 3)).toBeUndefined()
    expect(patternPrefixes('[abc]x', 3)).toBeUndefined()
  })

  it('knows an opening for every pattern of the lexicon, and every match starts with one of them', () => {
    const samples = [
      'log in',
      'logged out',
      'connexion',
      'me connecter',
      'images',
      'pas de son',
      'no results',
      '503',
      'e mails',
      'mot de passe',
      'rendez vous',
      'doesn t come',
      'n arrive jamais',
      'tourne en boucle',
      'a comment',
      'video calls',
    ]
    for (const concept of outageConcepts) {
      for (const pattern of concept.patterns) {
        const prefixes = patternPrefixes(pattern, 3)
        expect(prefixes, `${concept.id}: ${pattern}`).toBeDefined()
        const regex = new RegExp(`^(?:${pattern})`)
        for (const sample of samples)
          if (regex.test(sample))
            expect(
              prefixes?.some((prefix) => sample.startsWith(prefix)),
              `${pattern} on ${sample}`,
            ).toBe(true)
      }
    }
  })
})

import { describe, expect, it } from 'vitest'
import { languageOf } from './language.ts'

describe('languageOf', () => {
  it('takes the most preferred language we speak, English otherwise', () => {
    expect(languageOf('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr')
    expect(languageOf('de-DE,fr;q=0.5,en;q=0.7')).toBe('en')
    expect(languageOf('de-DE,fr;q=0.5')).toBe('fr')
    expect(languageOf('en;q=0, fr')).toBe('fr')
    expect(languageOf('fr_CA')).toBe('fr')
    expect(languageOf('')).toBe('en')
    expect(languageOf(undefined)).toBe('en')
    expect(languageOf('*')).toBe('en')
  })
})

import { describe, expect, it } from 'vitest'
import { terms } from './terms.ts'

describe('terms', () => {
  it('drops English and French stop words and keeps error codes', () => {
    expect(terms('The checkout page shows an error 502')).toEqual(['checkout', 'page', 'show', 'error', '502'])
    expect(terms('Je ne reçois pas les e-mails de notification')).toEqual(['recois', 'mail', 'notification'])
  })

  it('folds accents so French with and without them meet', () => {
    expect(terms('Mon compte est bloqué')).toEqual(terms('mon compte est bloque'))
  })
})

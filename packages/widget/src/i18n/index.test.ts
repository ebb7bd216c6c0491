import { describe, expect, test } from 'vitest'
import { enCategoryNames, frCategoryNames } from '@triage/protocol'
import { en } from './en.ts'
import { fr } from './fr.ts'
import { pickLocale, resolveStrings, words } from './index.ts'

const keysOf = (value: object): string[] =>
  Object.entries(value).flatMap(([key, entry]) => (typeof entry === 'object' ? keysOf(entry as object).map((inner) => `${key}.${inner}`) : [key]))

describe('i18n', () => {
  test('picks the dictionary by language, English when there is none', () => {
    expect(pickLocale('fr')).toBe('fr')
    expect(pickLocale('fr-CA')).toBe('fr')
    expect(pickLocale('FR_be')).toBe('fr')
    expect(pickLocale('en-GB')).toBe('en')
    expect(pickLocale('de')).toBe('en')
    expect(pickLocale('constructor')).toBe('en')
    expect(pickLocale(undefined)).toBe('en')
  })

  test('has every English string in French too', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort())
  })

  test('names each category as the server and the agents do, one name per language', () => {
    expect(en.category).toEqual(enCategoryNames)
    expect(fr.category).toEqual(frCategoryNames)
  })

  test('lays app overrides over the dictionary, nested maps entry by entry', () => {
    const strings = resolveStrings(fr, { launcher: 'Aide', status: { new: 'Reçu' } })
    expect(strings.launcher).toBe('Aide')
    expect(strings.title).toBe('Signaler un problème')
    expect(strings.status.new).toBe('Reçu')
    expect(strings.status.closed).toBe(fr.status.closed)
  })

  test('shows ids it has no words for as they are', () => {
    expect(words(en.category, 'data_loss')).toBe('Lost or missing data')
    expect(words(en.category, 'payroll_export')).toBe('payroll export')
    expect(words(en.category, 'constructor')).toBe('constructor')
  })
})

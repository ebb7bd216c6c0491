import { describe, expect, it } from 'vitest'
import { stem } from './stem.ts'

describe('stem', () => {
  it.each([
    [['crash', 'crashes', 'crashed', 'crashing'], 'crash'],
    [['log', 'logs', 'logged', 'logging'], 'log'],
    [['update', 'updates', 'updated', 'updating'], 'updat'],
    [['retry', 'retries', 'retried'], 'retry'],
    [['bloque', 'bloquee', 'bloques', 'bloquees', 'bloquer'], 'bloqu'],
    [['facture', 'factures'], 'factur'],
    [['donnee', 'donnees'], 'donn'],
  ])('maps %j to “%s”', (forms, expected) => {
    expect(forms.map(stem)).toEqual(forms.map(() => expected))
  })

  it('keeps short words, numbers and words that only look plural', () => {
    expect(['500', 'ios', 'sso', 'access', 'status', 'analysis', 'e2e1s'].map(stem)).toEqual(['500', 'ios', 'sso', 'access', 'status', 'analysis', 'e2e1s'])
  })
})

import { describe, expect, it } from 'vitest'
import { stem } from './stem.ts'
import { tokenize } from './tokenize.ts'

const stemOf = (text: string) => tokenize(text).map(stem)

describe('stem', () => {
  it('conflates English inflections', () => {
    expect(stem('printers')).toBe(stem('printer'))
    expect(stem('policies')).toBe(stem('policy'))
    expect(new Set(['install', 'installed', 'installing', 'installs', 'installation'].map(stem)).size).toBe(1)
    expect(new Set(['block', 'blocked', 'blocking', 'blocks'].map(stem)).size).toBe(1)
    expect(stem('running')).toBe(stem('run'))
  })

  it('conflates French inflections, accents folded first', () => {
    expect(stemOf('imprimantes')).toEqual(stemOf('imprimante'))
    expect(new Set(['bloqué', 'bloquée', 'bloqués', 'bloquer'].flatMap(stemOf)).size).toBe(1)
    expect(stemOf('ordinateurs')).toEqual(stemOf('ordinateur'))
    expect(stemOf('réseaux')).toEqual(stemOf('réseau'))
    expect(stemOf('journaux')).toEqual(stemOf('journal'))
    expect(stemOf('installé')).toEqual(stemOf('installation'))
  })

  it('lets a French and an English form meet where their suffixes match', () => {
    expect(stemOf('sécurité')).toEqual(stemOf('security'))
  })

  it('keeps distinct words apart and leaves short words and codes alone', () => {
    expect(stem('portal')).not.toBe(stem('port'))
    expect(stem('internal')).not.toBe(stem('intern'))
    expect(stem('access')).toBe('access')
    expect(stem('bus')).toBe('bus')
    expect(stem('win10s')).toBe('win10s')
  })
})

import { describe, expect, it } from 'vitest'
import { normalizeText, tokenize } from './tokenize.ts'

describe('normalizeText', () => {
  it('lower-cases and folds accents and ligatures, so raw and pre-processed French meet', () => {
    expect(normalizeText('Écran CASSÉ à côté du Cœur')).toBe('ecran casse a cote du coeur')
    expect(normalizeText('Ñandú Über')).toBe('nandu uber')
  })

  it('turns a URL into the word "url" and its host, and an e-mail address into "email"', () => {
    const text = normalizeText('See https://www.Intranet.example.com/path?q=1 or write to Jane.Doe+it@corp.example')
    expect(text).toContain(' url intranet.example.com ')
    expect(text).not.toContain('path')
    expect(text).toContain(' email ')
    expect(text).not.toContain('jane')
  })
})

describe('tokenize', () => {
  it('splits raw text on punctuation and drops stop words, one-letter words, long ids and numbers', () => {
    expect(tokenize("L'imprimante ne marche pas: error 0x80070005, ticket #12345678, code 404")).toEqual(['imprimante', 'marche', 'error', 'ticket', 'code', '404'])
  })

  it('splits a stack trace into its words', () => {
    expect(tokenize('java.lang.NullPointerException at com.acme.Disk.mount(Disk.java:42)')).toEqual([
      'java',
      'lang',
      'nullpointerexception',
      'com',
      'acme',
      'disk',
      'mount',
      'disk',
      'java',
      '42',
    ])
  })

  it('gives pre-processed text back unchanged, so training data and raw input meet', () => {
    const raw = 'Hi team, the VPN client on my laptop keeps disconnecting since Monday. Thanks, Zoé'
    const once = tokenize(raw)
    expect(tokenize(once.join(' '))).toEqual(once)
    expect(once).toEqual(['hi', 'team', 'vpn', 'client', 'laptop', 'keeps', 'disconnecting', 'since', 'monday', 'thanks', 'zoe'])
  })
})

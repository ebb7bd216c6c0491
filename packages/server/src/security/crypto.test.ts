import { describe, expect, it } from 'vitest'
import { hmacSha256, hmacSha256Hex, randomToken, sha256, webCrypto } from './crypto.ts'

// FIPS 180-2 "abc" and RFC 4231 test case 2 ("Jefe").
const abcSha256Hex = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
const jefeHmacHex = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
const hexToBase64url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url')

describe('crypto', () => {
  it('hashes and signs with the standard test vectors, on Node and through Web Crypto alike', async () => {
    expect(await sha256('abc')).toBe(hexToBase64url(abcSha256Hex))
    expect(await webCrypto.sha256('abc')).toBe(hexToBase64url(abcSha256Hex))
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(jefeHmacHex)
    expect(await webCrypto.hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(jefeHmacHex)
    expect(await hmacSha256('Jefe', 'what do ya want for nothing?')).toBe(hexToBase64url(jefeHmacHex))
    expect(await webCrypto.hmacSha256('Jefe', 'what do ya want for nothing?')).toBe(hexToBase64url(jefeHmacHex))
  })

  it('agrees between both implementations on non-ASCII text', async () => {
    const text = 'Le paiement échoue « 500 » — 🙃'
    expect(await sha256(text)).toBe(await webCrypto.sha256(text))
    expect(await hmacSha256('sécret', text)).toBe(await webCrypto.hmacSha256('sécret', text))
  })

  it('hands out random tokens of the asked length that never repeat, across pool refills', () => {
    const tokens = Array.from({ length: 2000 }, () => randomToken(10))
    expect(new Set(tokens).size).toBe(tokens.length)
    expect(tokens.every((token) => /^[A-Za-z0-9_-]{14}$/.test(token))).toBe(true)
    expect(randomToken(24)).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(randomToken(5000).length).toBeGreaterThan(6000)
  })
})

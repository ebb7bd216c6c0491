import { describe, expect, it } from 'vitest'
import { hmacSha256, hmacSha256Hex, sha256, webCrypto } from './crypto.ts'

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
})

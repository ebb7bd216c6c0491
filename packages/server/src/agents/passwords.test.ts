import { pbkdf2Sync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashPassword, needsRehash, passwordWork, verifyPassword } from './passwords.ts'

/** A stored hash made with node:crypto's PBKDF2, chained as passwords.ts documents it. */
function chained(password: string, salt: Buffer, rounds: number, iterations: number): string {
  let secret: Buffer = Buffer.from(password)
  for (let round = 0; round < rounds; round++) secret = pbkdf2Sync(secret, salt, iterations, 32, 'sha256')
  return `pbkdf2-sha256$${rounds}x${iterations}$${salt.toString('base64url')}$${secret.toString('base64url')}`
}

describe('agent passwords', () => {
  it("hashes at OWASP's 600,000 PBKDF2-HMAC-SHA256 iterations, as six rounds Workers accept", async () => {
    expect(passwordWork.iterations).toBe(600_000)
    expect(passwordWork.iterationsPerRound).toBeLessThanOrEqual(100_000)
    const stored = await hashPassword('correct horse battery staple')
    expect(stored).toMatch(/^pbkdf2-sha256\$6x100000\$[\w-]{22}\$[\w-]{43}$/)
    expect(needsRehash(stored)).toBe(false)
  })

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple')
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('salts every hash: the same password never hashes alike twice', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'))
  })

  it('is standard PBKDF2-HMAC-SHA256 per round, chained: a hash made by node:crypto verifies', async () => {
    const salt = Buffer.from('0123456789abcdef')
    expect(await verifyPassword('pässwörd with ünicode', chained('pässwörd with ünicode', salt, 1, 1_000))).toBe(true)
    expect(await verifyPassword('two rounds of it', chained('two rounds of it', salt, 2, 1_000))).toBe(true)
    expect(await verifyPassword('two rounds of it', chained('two rounds of iT', salt, 2, 1_000))).toBe(false)
  })

  it('asks for a rehash of a weaker hash, and refuses malformed or too costly ones', async () => {
    const salt = Buffer.from('0123456789abcdef')
    expect(needsRehash(chained('old password', salt, 1, 1_000))).toBe(true)
    expect(await verifyPassword('x', 'plain text')).toBe(false)
    expect(await verifyPassword('x', `pbkdf2-sha256$21x100000$MDEyMzQ1Njc4OWFiY2RlZg$${'A'.repeat(43)}`)).toBe(false)
    expect(await verifyPassword('x', `pbkdf2-sha256$1x100001$MDEyMzQ1Njc4OWFiY2RlZg$${'A'.repeat(43)}`)).toBe(false)
  })
})

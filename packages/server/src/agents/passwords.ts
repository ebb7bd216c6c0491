/**
 * Agents' passwords: PBKDF2-HMAC-SHA256 through Web Crypto, so a Node server and a Worker on one
 * database make and check the same hashes.
 *
 * Work factor: 600,000 iterations, the figure of OWASP's Password Storage Cheat Sheet for
 * PBKDF2-HMAC-SHA256 (its current one as of December 2026; FIPS-140 settings name PBKDF2 where
 * Argon2id, its first choice, is not available — and Web Crypto has no Argon2 or scrypt).
 * Cloudflare Workers refuse more than 100,000 iterations in one `deriveBits` call (their CPU limit
 * cannot interrupt BoringSSL mid-call; cloudflare/workerd#1346), so the 600,000 run as six chained
 * derivations of 100,000: each takes the previous one's 32 bytes as its password, with the same
 * salt. A guess still costs 600,000 HMAC-SHA256 computed in sequence; no step can be skipped or
 * shared between guesses (about 0.2 s here on Node; on Workers it needs the paid plan's CPU time).
 *
 * Stored as `pbkdf2-sha256$<rounds>x<iterations>$<salt>$<key>` (base64url), so the cost can grow:
 * verification reads it from the hash, and `needsRehash` tells a sign-in to store a stronger one.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2
 */
import { base64url, timingSafeEqual } from '../security/crypto.ts'

/** Iterations per `deriveBits` call: the most Cloudflare Workers accept. */
const iterationsPerRound = 100_000
/** 6 × 100,000 = OWASP's 600,000 for PBKDF2-HMAC-SHA256. */
const rounds = 6
const saltBytes = 16
const keyBits = 256
const scheme = 'pbkdf2-sha256'

const encoder = new TextEncoder()

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, roundCount: number, iterations: number): Promise<string> {
  let secret: Uint8Array<ArrayBuffer> = encoder.encode(password)
  for (let round = 0; round < roundCount; round++) {
    const key = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits'])
    secret = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, keyBits))
  }
  return base64url(secret)
}

/**
 * A new salted hash of `password`, to store.
 * @example
 * const stored = await hashPassword('correct horse battery staple')
 * await verifyPassword('correct horse battery staple', stored) // true
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(saltBytes))
  return `${scheme}$${rounds}x${iterationsPerRound}$${base64url(salt)}$${await derive(password, salt, rounds, iterationsPerRound)}`
}

interface Parsed {
  rounds: number
  iterations: number
  salt: Uint8Array<ArrayBuffer>
  key: string
}

/** A stored hash's parts, or undefined for one this module did not make (or a cost it refuses to run). */
function parse(stored: string): Parsed | undefined {
  const match = /^pbkdf2-sha256\$(\d{1,2})x(\d{1,6})\$([\w-]{16,64})\$([\w-]{43})$/.exec(stored)
  if (!match) return undefined
  const [roundText, iterationText, salt, key] = match.slice(1) as [string, string, string, string]
  const parsed = { rounds: Number(roundText), iterations: Number(iterationText), salt: fromBase64url(salt), key }
  return parsed.rounds >= 1 && parsed.rounds <= 20 && parsed.iterations >= 1 && parsed.iterations <= iterationsPerRound ? parsed : undefined
}

/** Whether `password` is the one `stored` was made from; false for a malformed hash. Time does not depend on where they differ. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored)
  if (!parsed) return false
  return timingSafeEqual(await derive(password, parsed.salt, parsed.rounds, parsed.iterations), parsed.key)
}

/** Whether `stored` was made at less than today's cost: hash the password again at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored)
  return !parsed || parsed.rounds * parsed.iterations < rounds * iterationsPerRound
}

/**
 * Spends the time of one verification without a hash to check against: a sign-in for an unknown
 * e-mail then takes as long as one with a wrong password, so timing does not tell which e-mails have accounts.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  await derive(password, new Uint8Array(saltBytes), rounds, iterationsPerRound)
}

/** For tests and documentation: the work one verification does. */
export const passwordWork = { scheme, rounds, iterationsPerRound, iterations: rounds * iterationsPerRound } as const

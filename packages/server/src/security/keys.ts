import { hmacSha256, randomToken, sha256, timingSafeEqual } from './crypto.ts'

export type KeyKind = 'publishable' | 'secret'

const prefixes: Record<KeyKind, string> = { publishable: 'pk_', secret: 'sk_' }

/** A new API key: `pk_…` or `sk_…` followed by 192 random bits. */
export function generateKey(kind: KeyKind): string {
  return prefixes[kind] + randomToken(24)
}

export function keyKindOf(key: string): KeyKind | undefined {
  if (key.startsWith('pk_')) return 'publishable'
  if (key.startsWith('sk_')) return 'secret'
  return undefined
}

/** What is stored for a key: its SHA-256. Keys are random and long, so a slow hash adds nothing. */
export const hashKey = sha256

/**
 * The reporter token of one report: an HMAC of the incident id under the server secret. Derived
 * rather than stored, so an idempotent retry can answer the same token and nothing to steal is kept.
 */
export async function reporterTokenFor(secret: string, incidentId: string): Promise<string> {
  return `rt_${await hmacSha256(secret, `reporter:${incidentId}`)}`
}

export async function isReporterToken(secret: string, incidentId: string, token: string): Promise<boolean> {
  return timingSafeEqual(await reporterTokenFor(secret, incidentId), token)
}

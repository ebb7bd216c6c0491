import { hmacSha256Hex, timingSafeEqual } from './crypto.ts'

/**
 * The user hash an app's server gives its pages: hex HMAC-SHA256 of the user id with the app's
 * identity secret (the secret never reaches a browser). With it, a user's reports follow them
 * across devices; without it, only the browser that filed a report knows it.
 */
export function userHash(identitySecret: string, userId: string): Promise<string> {
  return hmacSha256Hex(identitySecret, userId)
}

export async function isUserHash(identitySecret: string | null, userId: string, hash: string | undefined): Promise<boolean> {
  if (!identitySecret || !hash) return false
  return timingSafeEqual(await userHash(identitySecret, userId), hash.toLowerCase())
}

import { hmacSha256Hex as hmacHex, timingSafeEqual } from './crypto.ts'

/**
 * The `Triage-Signature` header of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * Signing the timestamp with the body lets receivers refuse replays of old deliveries (Stripe's scheme).
 */
export async function signWebhook(secret: string, body: string, unixSeconds: number): Promise<string> {
  return `t=${unixSeconds},v1=${await hmacHex(secret, `${unixSeconds}.${body}`)}`
}

/**
 * What a receiver does with the header: true when the signature is right and at most
 * `toleranceSeconds` old.
 *
 * @example
 * const ok = await verifyWebhook(secret, await request.text(), request.headers.get('triage-signature'), Date.now() / 1000)
 */
export async function verifyWebhook(secret: string, body: string, header: string | null, nowSeconds: number, toleranceSeconds = 300): Promise<boolean> {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]))
  const timestamp = Number(parts['t'])
  if (!Number.isInteger(timestamp) || !parts['v1'] || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false
  return timingSafeEqual(await hmacHex(secret, `${timestamp}.${body}`), parts['v1'])
}

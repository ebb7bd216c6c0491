/**
 * Hashes, HMACs and random tokens for Node and Workers alike. On Node, `node:crypto` does them
 * synchronously (a report's hashes in ~2 µs instead of ~50 µs through Web Crypto's thread pool
 * hop); it is reached through `process.getBuiltinModule`, so the Workers bundle carries no `node:`
 * import and falls back to Web Crypto there.
 */

const encoder = new TextEncoder()

interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(data: string): { digest(encoding: 'base64url' | 'hex'): string } }
  createHmac(algorithm: 'sha256', key: string): { update(data: string): { digest(encoding: 'base64url' | 'hex'): string } }
}

const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined

export function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

// Random bytes are drawn 4 KiB at a time: one call to the system's generator serves a few hundred
// ids instead of one (each call costs microseconds; a report takes six ids). No byte is used twice.
const pool = new Uint8Array(4096)
let poolOffset = pool.length

export function randomToken(bytes = 24): string {
  if (bytes > pool.length) return base64url(crypto.getRandomValues(new Uint8Array(bytes)))
  if (poolOffset + bytes > pool.length) {
    crypto.getRandomValues(pool)
    poolOffset = 0
  }
  const token = base64url(pool.subarray(poolOffset, poolOffset + bytes))
  // Spent bytes are zeroed, so no later reader of the pool could recover a token handed out.
  pool.fill(0, poolOffset, poolOffset + bytes)
  poolOffset += bytes
  return token
}

export async function sha256(text: string): Promise<string> {
  return nodeCrypto ? nodeCrypto.createHash('sha256').update(text).digest('base64url') : webCrypto.sha256(text)
}

// Importing a key costs more than signing with it: imported keys are kept, a few hundred at most
// (the reporter secret, apps' identity secrets). Kept once imported, never as a pending promise:
// on Workers a request must not await a promise that another request started.
const hmacKeys = new Map<string, CryptoKey>()
const maxHmacKeys = 256

async function webHmac(secret: string, message: string): Promise<Uint8Array> {
  let key = hmacKeys.get(secret)
  if (!key) {
    key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    if (hmacKeys.size >= maxHmacKeys) hmacKeys.clear()
    hmacKeys.set(secret, key)
  }
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)))
}

/**
 * The Web Crypto versions, used where `node:crypto` is not (Workers). Exported so a test proves
 * both give the same bytes: a Node server and a Worker on one database must agree on tokens.
 */
export const webCrypto = {
  async sha256(text: string): Promise<string> {
    return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))))
  },
  async hmacSha256(secret: string, message: string): Promise<string> {
    return base64url(await webHmac(secret, message))
  },
  async hmacSha256Hex(secret: string, message: string): Promise<string> {
    return [...(await webHmac(secret, message))].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  },
}

export async function hmacSha256(secret: string, message: string): Promise<string> {
  return nodeCrypto ? nodeCrypto.createHmac('sha256', secret).update(message).digest('base64url') : webCrypto.hmacSha256(secret, message)
}

/** Compares two strings in time independent of where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return difference === 0
}

/** Hex HMAC-SHA256, the form partners' servers compute most easily (webhooks, user hashes). */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  return nodeCrypto ? nodeCrypto.createHmac('sha256', secret).update(message).digest('hex') : webCrypto.hmacSha256Hex(secret, message)
}

/**
 * Hex SHA-256 of bytes: what a file is stored under. Web Crypto on both runtimes: on Node it hashes
 * on the thread pool, so a 10 MB upload does not hold the event loop while it is hashed.
 */
export async function sha256HexOfBytes(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

import { base64url } from './crypto.ts'

/**
 * Encrypts the secrets Triage must keep readable — webhook signing secrets and apps' identity
 * secrets — before they are stored. Keys are stored as hashes; these cannot be, since the server
 * signs with them.
 */
export interface SecretBox {
  /** True when stored secrets are encrypted (a TRIAGE_SECRET is set). */
  readonly seals: boolean
  seal(secret: string): Promise<string>
  /** The secret from its stored form; a value stored in clear (before sealing, or without TRIAGE_SECRET) is answered as it is. */
  open(stored: string): Promise<string>
}

const prefix = 'sealed:v1:'
const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Whether a stored value is sealed (and so needs the TRIAGE_SECRET it was sealed with). */
export const isSealed = (stored: string) => stored.startsWith(prefix)

const plainBox: SecretBox = {
  seals: false,
  seal: async (secret) => secret,
  open: async (stored) => {
    if (isSealed(stored)) throw new Error('A stored secret is sealed, and TRIAGE_SECRET is not set: set it to the value it had when the secret was stored.')
    return stored
  },
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * The box for a deployment: AES-256-GCM under a key derived from `TRIAGE_SECRET` with HKDF-SHA256
 * (RFC 5869), a fresh 96-bit nonce per seal; stored as `sealed:v1:<base64url(nonce ‖ ciphertext ‖ tag)>`.
 * Without a TRIAGE_SECRET, secrets are stored as written: a secret generated into the database
 * beside them would protect nothing.
 *
 * @example
 * const box = secretBox(process.env.TRIAGE_SECRET)
 * const stored = await box.seal('whsec_…') // 'sealed:v1:…'
 * await box.open(stored) // 'whsec_…'
 */
export function secretBox(triageSecret: string | undefined): SecretBox {
  if (!triageSecret) return plainBox
  // The derived key is kept as a value, not a shared promise: on Workers a request must not wait
  // on work another request started (two first requests each derive it; they agree).
  let derived: CryptoKey | undefined
  const keyOf = async (): Promise<CryptoKey> => {
    if (derived) return derived
    const material = await crypto.subtle.importKey('raw', encoder.encode(triageSecret), 'HKDF', false, ['deriveKey'])
    derived = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('triage'), info: encoder.encode('triage stored secrets v1') },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    )
    return derived
  }
  // Opened secrets are kept: the ingestion path checks user hashes, and an app has one identity secret.
  const opened = new Map<string, string>()
  return {
    seals: true,
    async seal(secret) {
      const nonce = crypto.getRandomValues(new Uint8Array(12))
      const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce }, await keyOf(), encoder.encode(secret)))
      const packed = new Uint8Array(nonce.length + sealed.length)
      packed.set(nonce)
      packed.set(sealed, nonce.length)
      return prefix + base64url(packed)
    },
    async open(stored) {
      if (!isSealed(stored)) return stored
      const known = opened.get(stored)
      if (known !== undefined) return known
      const packed = fromBase64url(stored.slice(prefix.length))
      let plain: ArrayBuffer
      try {
        plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: packed.subarray(0, 12) }, await keyOf(), packed.subarray(12))
      } catch {
        throw new Error('A stored secret does not open with this TRIAGE_SECRET: set TRIAGE_SECRET back to the value it had when the secret was stored.')
      }
      const secret = decoder.decode(plain)
      if (opened.size >= 1_000) opened.clear()
      opened.set(stored, secret)
      return secret
    },
  }
}

import type { BlobBackend, ContentBytes } from './blob-store.ts'

/** The part of Cloudflare's R2 bucket binding this store uses (`[[r2_buckets]]` in wrangler.toml). */
export interface R2BucketBinding {
  /** With `sha256`, R2 checks the bytes it received against the hash and refuses a mismatch. */
  put(key: string, value: Uint8Array, options?: { sha256?: string }): Promise<unknown>
  get(key: string): Promise<{ body: ReadableStream<Uint8Array> } | null>
  delete(keys: string | string[]): Promise<void>
}

const key = (sha256: string) => `attachments/${sha256}`

/**
 * Attachment bytes in an R2 bucket (Workers): one object per SHA-256 under `attachments/`. R2
 * shares no transaction with D1; the leases of blob-leases.ts keep the two in step.
 */
export function r2Blobs(bucket: R2BucketBinding): BlobBackend {
  return {
    kind: 'r2',
    async put({ sha256, bytes }: ContentBytes) {
      await bucket.put(key(sha256), bytes, { sha256 })
    },
    async open(sha256: string) {
      return (await bucket.get(key(sha256)))?.body
    },
    async delete(sha256s: string[]) {
      // R2 deletes at most 1,000 keys a call; collect asks for fewer.
      await bucket.delete(sha256s.map(key))
    },
  }
}

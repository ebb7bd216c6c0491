import { sql } from 'drizzle-orm'
import { attachments, blobObjects } from '../db/schema.ts'
import type { BlobStore, ContentBytes, Statement } from './blob-store.ts'
import type { Database } from './database.ts'

/** The part of Cloudflare's R2 bucket binding this store uses (`[[r2_buckets]]` in wrangler.toml). */
export interface R2BucketBinding {
  /** With `sha256`, R2 checks the bytes it received against the hash and refuses a mismatch. */
  put(key: string, value: Uint8Array, options?: { sha256?: string }): Promise<unknown>
  get(key: string): Promise<{ body: ReadableStream<Uint8Array> } | null>
  delete(keys: string | string[]): Promise<void>
}

/** A deletion in flight holds these bytes: an upload of the same bytes must wait for it to end. */
export class BlobBusyError extends Error {
  override name = 'BlobBusyError'
}

export interface R2BlobStoreOptions {
  /**
   * How long an upload holds its object before the row that points to it must exist, in ms.
   * Past it, an object no attachment points to is collected. Default 15 minutes.
   */
  leaseMs?: number
  /** How long a `deleting` mark lasts before another collect retries that deletion, in ms. Default 1 minute. */
  retryMs?: number
  /** How many objects one collect deletes at most. Default 100. */
  batch?: number
  /** Waits between tries while a deletion holds the bytes; default a real timer. */
  wait?: (ms: number) => Promise<void>
  /** The clock leases are counted by; default Date.now. */
  now?: () => number
}

const key = (sha256: string) => `attachments/${sha256}`

/**
 * Attachment bytes in an R2 bucket (Workers), one object per SHA-256. R2 and D1 share no
 * transaction, so the object and the row that points to it are kept in step by a lease in the
 * database (table blob_objects), which serializes what matters:
 *
 * - an upload takes a lease on its hash (refused while a deletion holds it), puts the object,
 *   then writes its row; a failed upload leaves an object under a lease that runs out;
 * - `collect` marks as `deleting`, in one statement, the objects no row points to and no lease
 *   holds, deletes them from R2, then drops their bookkeeping.
 *
 * So an object is never deleted while a row points to it or an upload may still write one, and a
 * half-finished upload leaves nothing behind once its lease is over.
 */
export function r2BlobStore(db: Database, bucket: R2BucketBinding, options: R2BlobStoreOptions = {}): BlobStore {
  const opts = {
    leaseMs: 15 * 60_000,
    retryMs: 60_000,
    batch: 100,
    wait: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    now: Date.now,
    ...options,
  } satisfies Required<R2BlobStoreOptions>

  async function lease(sha256: string, until: number): Promise<boolean> {
    const rows = await db.all<{ sha256: string }>(sql`insert into ${blobObjects} (sha256, state, check_at) values (${sha256}, 'live', ${until})
      on conflict (sha256) do update set check_at = max(coalesce(${blobObjects.checkAt}, 0), excluded.check_at) where ${blobObjects.state} = 'live'
      returning sha256`)
    return rows.length > 0
  }

  return {
    kind: 'r2',

    async stage({ sha256, bytes }: ContentBytes): Promise<Statement[]> {
      for (let attempt = 0; !(await lease(sha256, opts.now() + opts.leaseMs)); attempt++) {
        if (attempt === 4) throw new BlobBusyError(`the bytes ${sha256} are being deleted; try again in a minute`)
        await opts.wait(250 * 2 ** attempt)
      }
      await bucket.put(key(sha256), bytes, { sha256 })
      return []
    },

    async open(sha256: string): Promise<ReadableStream<Uint8Array> | undefined> {
      return (await bucket.get(key(sha256)))?.body
    },

    release(leaving) {
      // Checked at the next collect, unless an upload's lease runs longer.
      return [
        db
          .update(blobObjects)
          .set({ checkAt: sql`max(coalesce(${blobObjects.checkAt}, 0), ${opts.now()})` })
          .where(sql`${blobObjects.sha256} in (select ${attachments.sha256} from ${attachments} where ${leaving})`),
      ]
    },

    async collect(): Promise<number> {
      const now = opts.now()
      const unreferenced = sql`not exists (select 1 from ${attachments} where ${attachments.sha256} = ${blobObjects.sha256})`
      // Marked in one statement: from here no upload can lease these hashes until they are gone.
      const marked = await db.all<{ sha256: string }>(sql`update ${blobObjects} set state = 'deleting', check_at = ${now + opts.retryMs}
        where sha256 in (select sha256 from ${blobObjects} where ${blobObjects.checkAt} <= ${now} and ${unreferenced} limit ${opts.batch})
        returning sha256`)
      if (marked.length > 0) {
        const hashes = marked.map((row) => row.sha256)
        await bucket.delete(hashes.map(key))
        await db.run(sql`delete from ${blobObjects} where state = 'deleting' and sha256 in (select value from json_each(${JSON.stringify(hashes)}))`)
      }
      // Still pointed to: nothing to check until a deletion asks again.
      await db.run(sql`update ${blobObjects} set check_at = null where ${blobObjects.checkAt} <= ${now} and ${blobObjects.state} = 'live' and not ${unreferenced}`)
      return marked.length
    },
  }
}

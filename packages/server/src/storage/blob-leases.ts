import type { SQL } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import { attachments, blobObjects } from '../db/schema.ts'
import type { BlobBackend, BlobLease, BlobStore, ContentBytes } from './blob-store.ts'
import type { Database } from '../db/database.ts'

/** A deletion in flight holds these bytes: an upload of the same bytes must wait for it to end. */
export class BlobBusyError extends Error {
  override name = 'BlobBusyError'
}

export interface BlobLeaseOptions {
  /**
   * How long an upload holds its bytes before the row that points to them must exist, in ms.
   * Past it, bytes no attachment points to are collected. Default 15 minutes.
   */
  leaseMs?: number
  /** How long a `deleting` mark lasts before another collect retries that deletion, in ms. Default 1 minute. */
  retryMs?: number
  /** How many files' bytes one collect deletes at most. Default 100. */
  batch?: number
  /** Waits between tries while a deletion holds the bytes; default a real timer. */
  wait?: (ms: number) => Promise<void>
  /** The clock leases are counted by; default Date.now. */
  now?: () => number
}

/**
 * Attachment bytes kept in step with the rows that point to them, by a lease per SHA-256 in the
 * database (table blob_objects). The bytes are stored before the row's transaction — in an R2
 * bucket, which shares no transaction with the database, or in the database a chunk at a time, so
 * a 10 MB upload never holds the event loop for the whole of its write — and:
 *
 * - an upload takes a lease on its hash (refused while a deletion holds it), stores the bytes,
 *   then writes its row, whose insert requires the lease to be live (`staged`);
 * - `collect` marks as `deleting`, in one statement, the bytes no row points to and no lease
 *   holds, deletes them, then drops their bookkeeping.
 *
 * The database runs one write at a time, so bytes are never deleted while a row points to them or
 * an upload may still write one; and bytes left by an upload that never wrote its row (a limit
 * reached meanwhile, a crash) are collected once its lease is over. Nothing is visible before
 * the row, which is written whole or not at all.
 *
 * @example
 * const blobs = leasedBlobs(db, databaseBlobs(db))
 * await blobs.stage({ sha256, bytes })   // then write the row with `blobs.staged(sha256)` in its condition
 */
export function leasedBlobs(db: Database, backend: BlobBackend, options: BlobLeaseOptions = {}): BlobStore {
  const opts = {
    leaseMs: 15 * 60_000,
    retryMs: 60_000,
    batch: 100,
    wait: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    now: Date.now,
    ...options,
  } satisfies Required<BlobLeaseOptions>

  async function lease(sha256: string, until: number): Promise<boolean> {
    const rows = await db.all<{ sha256: string }>(sql`insert into ${blobObjects} (sha256, state, check_at) values (${sha256}, 'live', ${until})
      on conflict (sha256) do update set check_at = max(coalesce(${blobObjects.checkAt}, 0), excluded.check_at) where ${blobObjects.state} = 'live'
      returning sha256`)
    return rows.length > 0
  }

  return {
    kind: backend.kind,

    async stage(content: ContentBytes): Promise<BlobLease> {
      const until = opts.now() + opts.leaseMs
      for (let attempt = 0; !(await lease(content.sha256, until)); attempt++) {
        if (attempt === 4) throw new BlobBusyError(`the bytes ${content.sha256} are being deleted; try again in a minute`)
        await opts.wait(250 * 2 ** attempt)
      }
      await backend.put(content)
      return { sha256: content.sha256, until }
    },

    staged({ sha256 }: BlobLease): SQL {
      return sql`exists (select 1 from ${blobObjects} where ${blobObjects.sha256} = ${sha256} and ${blobObjects.state} = 'live')`
    },

    settle({ sha256, until }: BlobLease, written: SQL) {
      // Only this upload's own lease: another upload of the same bytes may hold a later one.
      return db.update(blobObjects).set({ checkAt: null }).where(sql`${blobObjects.sha256} = ${sha256} and ${blobObjects.checkAt} = ${until} and ${written}`)
    },

    open: (sha256, size) => backend.open(sha256, size),

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
      // Marked in one statement: from here no upload can lease these hashes, nor write a row to them, until they are gone.
      const marked = await db.all<{ sha256: string }>(sql`update ${blobObjects} set state = 'deleting', check_at = ${now + opts.retryMs}
        where sha256 in (select sha256 from ${blobObjects} where ${blobObjects.checkAt} <= ${now} and ${unreferenced} limit ${opts.batch})
        returning sha256`)
      if (marked.length > 0) {
        const hashes = marked.map((row) => row.sha256)
        await backend.delete(hashes)
        await db.run(sql`delete from ${blobObjects} where state = 'deleting' and sha256 in (select value from json_each(${JSON.stringify(hashes)}))`)
      }
      // Still pointed to: nothing to check until a deletion asks again.
      await db.run(sql`update ${blobObjects} set check_at = null where ${blobObjects.checkAt} <= ${now} and ${blobObjects.state} = 'live' and not ${unreferenced}`)
      return marked.length
    },
  }
}

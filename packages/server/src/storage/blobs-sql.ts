import { sql } from 'drizzle-orm'
import { attachmentChunks, attachments } from '../db/schema.ts'
import type { BlobStore, ContentBytes, Statement } from './blob-store.ts'
import type { Database } from './database.ts'

/** Bytes per row of attachment_chunks: a download holds one at a time. */
export const chunkBytes = 1024 * 1024

/**
 * Attachment bytes in the database, beside the incidents (Node's embedded libSQL file, or Turso).
 * Why not files in a folder: the bytes then commit in the same transaction as the attachment row,
 * its event and the app's usage, so an upload is all there or not at all, with no orphan file
 * after a crash and nothing to collect; a deletion is one transaction too; and one consistent
 * snapshot of the database (`.backup`, or a copy of the stopped data directory) holds everything.
 * The cost — a larger database file, bytes read through SQLite — is bounded by the per-app quota.
 */
export function sqlBlobStore(db: Database): BlobStore {
  return {
    kind: 'database',

    async stage({ sha256, bytes }: ContentBytes, attachmentId: string): Promise<Statement[]> {
      const statements: Statement[] = []
      for (let part = 0; part * chunkBytes < bytes.byteLength; part++) {
        const chunk = bytes.subarray(part * chunkBytes, (part + 1) * chunkBytes)
        // Written with the row or not at all; bytes already stored (the same file again) stay as they are.
        statements.push(
          db
            .insert(attachmentChunks)
            .select(sql`select ${sha256}, ${part}, ${chunk} where exists (select 1 from ${attachments} where id = ${attachmentId})`)
            .onConflictDoNothing(),
        )
      }
      return statements
    },

    async open(sha256: string, size: number): Promise<ReadableStream<Uint8Array> | undefined> {
      const parts = Math.ceil(size / chunkBytes)
      const read = async (part: number) => {
        const [row] = await db.all<{ bytes: ArrayBuffer | Uint8Array }>(sql`select bytes from ${attachmentChunks} where sha256 = ${sha256} and part = ${part}`)
        return row ? new Uint8Array(row.bytes) : undefined
      }
      const first = await read(0)
      if (!first) return undefined
      let next = 1
      return new ReadableStream<Uint8Array>(
        {
          start(controller) {
            controller.enqueue(first)
            if (parts === 1) controller.close()
          },
          async pull(controller) {
            const chunk = await read(next)
            if (!chunk) return controller.error(new Error(`attachment bytes ${sha256} lack part ${next}`))
            controller.enqueue(chunk)
            if (++next === parts) controller.close()
          },
        },
        { highWaterMark: 0 },
      )
    },

    release(leaving) {
      // The leaving attachments' bytes, unless an attachment that stays points to them too.
      return [
        db.delete(attachmentChunks).where(sql`${attachmentChunks.sha256} in (select ${attachments.sha256} from ${attachments} where ${leaving})
          and not exists (select 1 from ${attachments} where ${attachments.sha256} = ${attachmentChunks.sha256} and not (${leaving}))`),
      ]
    },

    // Bytes leave in the deleting transaction itself (release): nothing is ever left to collect.
    async collect() {
      return 0
    },
  }
}

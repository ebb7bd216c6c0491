import { sql } from 'drizzle-orm'
import { attachmentChunks } from '../db/schema.ts'
import type { BlobBackend, ContentBytes } from './blob-store.ts'
import type { Database } from '../db/database.ts'

/** Bytes per row of attachment_chunks: a write or a read holds the event loop for one at most. */
export const chunkBytes = 1024 * 1024

/**
 * Attachment bytes in the database itself, beside the incidents (Node's embedded libSQL file, or
 * Turso), one row per MiB. Why not files in a folder of the data directory: one consistent
 * snapshot of the database (`npm run triage -- backup`, `VACUUM INTO`) is then a complete backup
 * taken while the server runs, with no moment where a row and its file disagree; the same holds
 * when DATABASE_URL points to Turso, where there is no local folder; and the bytes follow the
 * same leases as R2's (blob-leases.ts). The cost — a database file that grows with the
 * attachments — is bounded by the per-app quota. Each chunk is its own small write: libSQL's
 * binding is synchronous, and one 10 MB transaction would stop every other request meanwhile.
 */
export function databaseBlobs(db: Database): BlobBackend {
  return {
    kind: 'database',

    async put({ sha256, bytes }: ContentBytes) {
      // Every part, even when the bytes are there already: a put cut short before may have left some out.
      for (let part = 0; part * chunkBytes < bytes.byteLength; part++) {
        const chunk = bytes.subarray(part * chunkBytes, (part + 1) * chunkBytes)
        await db
          .insert(attachmentChunks)
          .values({ sha256, part, bytes: chunk as Buffer })
          .onConflictDoNothing()
      }
    },

    async open(sha256: string, size: number) {
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

    async delete(sha256s: string[]) {
      await db.run(sql`delete from ${attachmentChunks} where sha256 in (select value from json_each(${JSON.stringify(sha256s)}))`)
    },
  }
}

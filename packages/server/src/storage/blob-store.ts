import type { SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'

/** A statement that can run in one of storage's batches (one transaction, on libSQL and D1). */
export type Statement = BatchItem<'sqlite'>

/** Bytes to store, addressed by their hex SHA-256. */
export interface ContentBytes {
  sha256: string
  bytes: Uint8Array
}

/**
 * Where attachment bytes live, by SHA-256, so the same bytes are stored once. Two kinds share
 * this interface: the database itself on Node (blobs-sql.ts), whose bytes are written in the
 * attachment's own transaction, and an object store on Workers (blobs-r2.ts), which stores them
 * before that transaction and cleans up after it.
 */
export interface BlobStore {
  /** `database` or `r2`: where the bytes are, for messages. */
  readonly kind: 'database' | 'r2'
  /**
   * Readies the bytes, and answers statements for the batch that writes attachment `attachmentId`:
   * they store the bytes only if that row is written. An object store has stored them already and
   * answers none; a lease keeps them until the row exists (see collect).
   */
  stage(content: ContentBytes, attachmentId: string): Promise<Statement[]>
  /** The bytes, a chunk at a time; undefined when they are not there. */
  open(sha256: string, size: number): Promise<ReadableStream<Uint8Array> | undefined>
  /**
   * Statements for the batch that deletes the attachments `leaving` holds for (a condition on the
   * `attachments` table), to run before the rows go, in that batch: they drop the bytes no other
   * attachment points to (database), or mark them for `collect` (object store).
   */
  release(leaving: SQL): Statement[]
  /** Deletes bytes nothing points to any more and no upload holds (object store); answers how many. */
  collect(): Promise<number>
}

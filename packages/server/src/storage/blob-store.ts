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
 * Where the bytes physically go, by SHA-256: rows of the database itself (blobs-sql.ts, Node) or
 * an R2 bucket (blobs-r2.ts, Workers). Each only stores, reads and deletes; when it may do which
 * is the lease protocol's business (blob-leases.ts), the same for both.
 */
export interface BlobBackend {
  readonly kind: 'database' | 'r2'
  /** Stores the bytes under their hash; storing the same bytes again changes nothing. */
  put(content: ContentBytes): Promise<void>
  /** The bytes, a chunk at a time; undefined when they are not there. */
  open(sha256: string, size: number): Promise<ReadableStream<Uint8Array> | undefined>
  delete(sha256s: string[]): Promise<void>
}

/** An upload's hold on its bytes until its row is written: until when. */
export interface BlobLease {
  sha256: string
  until: number
}

/** Attachment bytes as the attachment storage uses them: stored under a lease, collected when nothing points to them. */
export interface BlobStore {
  readonly kind: BlobBackend['kind']
  /**
   * Stores the bytes before the attachment row that points to them is written, under a lease
   * that keeps them from being collected until that row exists (or the lease runs out).
   */
  stage(content: ContentBytes): Promise<BlobLease>
  /** A condition for the row's insert: the bytes are staged and no deletion has started on them. */
  staged(lease: BlobLease): SQL
  /**
   * For the row's batch, after its insert: once `written` holds (the row exists), the row keeps
   * the bytes and this upload's lease ends, so an erasure right after takes them at once.
   */
  settle(lease: BlobLease, written: SQL): Statement
  open(sha256: string, size: number): Promise<ReadableStream<Uint8Array> | undefined>
  /**
   * Statements for the batch that deletes the attachments `leaving` holds for (a condition on the
   * `attachments` table), to run before the rows go: they mark the bytes for `collect`.
   */
  release(leaving: SQL): Statement[]
  /** Deletes bytes that nothing points to and no lease holds; answers how many files' bytes went. */
  collect(): Promise<number>
}

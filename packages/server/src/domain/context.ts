import type { BlobStore } from '../storage/blob-store.ts'
import type { SecretBox } from '../security/sealing.ts'
import { secretBox } from '../security/sealing.ts'
import type { Database } from '../db/database.ts'

/** What every service function needs: storage, the reporter-token secret and a clock. */
export interface ServiceContext {
  db: Database
  reporterSecret: string
  /** Milliseconds since the epoch; tests pass a controlled clock. */
  now: () => number
  /** How many incidents per app the similar-incident index keeps, the most recently changed (default 20,000). */
  similarIndexLimit?: number
  /**
   * True on Workers, where I/O and promises belong to the request that started them: a request
   * that waits on work another request started hangs once that request ends, and workerd cancels
   * it. Then no request waits on another's: no shared group commit, no shared index refresh.
   * False (Node): one process serves every request, and sharing that work is what makes it cheap.
   */
  requestBoundIo?: boolean
  /**
   * How many apps' in-memory state (similar-incident index, classifier) this process or isolate
   * keeps; the least recently used goes first. Default 32; the Worker passes fewer (128 MB isolates).
   */
  cachedApps?: number
  /** Whether this runtime e-mails reporters agents' replies (SMTP is set up); default false. */
  sendsEmail?: boolean
  /** Where attachment bytes live: the database on Node, R2 on Workers; none: attachments answer 503. */
  blobs?: BlobStore
  /** Attachment bytes one app may store, in bytes (`TRIAGE_ATTACHMENT_QUOTA_MB`); default 1 GiB. */
  attachmentQuotaBytes?: number
  /** Seals stored webhook and identity secrets (see sealing.ts); absent: stored in clear. */
  secrets?: SecretBox
}

const unsealed = secretBox(undefined)

/** The context's secret box, or the one that stores in clear. */
export function secretsOf(context: ServiceContext): SecretBox {
  return context.secrets ?? unsealed
}

/** The default of `ServiceContext.attachmentQuotaBytes`: 1 GiB per app. */
export const defaultAttachmentQuotaBytes = 1024 * 1024 * 1024

/** The default of `ServiceContext.cachedApps`. */
export const defaultCachedApps = 32

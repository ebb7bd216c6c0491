import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertAppWithKeys, insertReportedIncident } from '../../test/harness.ts'
import { openLibsql } from './open-libsql.ts'
import { newId } from '../ids.ts'
import type { AttachmentRow } from './attachments.ts'
import { insertAttachmentOnce } from './attachments.ts'
import { leasedBlobs } from './blob-leases.ts'
import { databaseBlobs } from './blobs-sql.ts'
import type { Database } from '../db/database.ts'

let db: Database
let close: () => void
let appId: string
let incidentId: string
let clock: number

beforeEach(async () => {
  ;({ db, close } = await openLibsql({ url: ':memory:' }))
  ;({ appId } = await insertAppWithKeys(db, 'Attachments storage'))
  incidentId = await insertReportedIncident(db, appId, 'The checkout page shows an error', Date.now())
  clock = Date.now()
})

const lease = 60_000
const blobStore = () => leasedBlobs(db, databaseBlobs(db), { leaseMs: lease, now: () => clock })
afterEach(() => close())

const limits = { filesPerReport: 10, bytesPerReport: 25 * 1024 * 1024, bytesPerApp: 1024 * 1024 * 1024 }

/** One attachment write of `bytes`, as the service builds it (without its own checks first). */
function write(bytes: Uint8Array, sha256: string, idempotencyKey: string | null = null) {
  const now = Date.now()
  const row: AttachmentRow = { id: newId('att', now), appId, incidentId, idempotencyKey, name: 'a.log', contentType: 'text/plain', size: bytes.length, sha256, createdAt: now }
  const event = { id: newId('evt', now), type: 'attached', actor: 'reporter', visibility: 'internal' as const, data: {}, at: now }
  const incident = { id: incidentId, appId, status: 'new' as const, priority: 'P3' as const, tier: 'L1' as const, category: 'bug', kind: 'incident' as const }
  return { row, content: { sha256, bytes }, incident, event, revision: newId('rev', now) }
}

const rows = async (table: string) => Number((await db.all<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`))[0]?.n)

describe('insertAttachmentOnce', () => {
  it('lets no more than the limit in when every write comes at once, with no check before it: the insert checks', async () => {
    const blobs = blobStore()
    const writes = Array.from({ length: 14 }, (_, i) => write(new TextEncoder().encode(`line ${i}`), `hash-${i}`))
    const stored = await Promise.all(writes.map((one) => insertAttachmentOnce(db, blobs, one, limits)))
    expect(stored.filter((row) => row !== undefined)).toHaveLength(10)
    expect(await rows('attachments')).toBe(10)
    // A refused write left no event and no usage; its bytes stay only until their lease is over.
    expect(Number((await db.all<{ n: number }>(sql`select count(*) as n from incident_events where type = 'attached'`))[0]?.n)).toBe(10)
    const kept = writes.filter((one) => stored.some((row) => row?.sha256 === one.row.sha256))
    expect((await db.all<{ bytes: number }>(sql`select bytes from attachment_usage`))[0]?.bytes).toBe(kept.reduce((sum, one) => sum + one.row.size, 0))
    expect(await rows('attachment_chunks')).toBe(14)
    clock += lease + 1
    expect(await blobs.collect()).toBe(4)
    expect(await rows('attachment_chunks')).toBe(10)
  })

  it("refuses past the report's bytes and the app's quota in the same statement", async () => {
    const blobs = blobStore()
    const bytes = new Uint8Array(600)
    expect(await insertAttachmentOnce(db, blobs, write(bytes, 'a'), { ...limits, bytesPerApp: 1000 })).toBeDefined()
    expect(await insertAttachmentOnce(db, blobs, write(bytes, 'b'), { ...limits, bytesPerApp: 1000 })).toBeUndefined()
    expect(await insertAttachmentOnce(db, blobs, write(bytes, 'c'), { ...limits, bytesPerReport: 1000 })).toBeUndefined()
    expect(await rows('attachments')).toBe(1)
  })

  it('answers the holder of an idempotency key instead of writing a second attachment', async () => {
    const blobs = blobStore()
    const bytes = new Uint8Array(10)
    const [first, second] = await Promise.all([
      insertAttachmentOnce(db, blobs, write(bytes, 'k', 'key-1'), limits),
      insertAttachmentOnce(db, blobs, write(bytes, 'k', 'key-1'), limits),
    ])
    expect(first?.id).toBe(second?.id)
    expect(await rows('attachments')).toBe(1)
  })
})

/**
 * The lease protocol that keeps attachment bytes and the rows that point to them in step, on a
 * real libSQL database with the database backend (Node's). The R2 backend follows the same
 * protocol; packages/server/test/workers runs uploads and downloads through it in workerd.
 */
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertAppWithKeys, insertReportedIncident } from '../../test/harness.ts'
import { openLibsql } from './open-libsql.ts'
import { attachments } from '../db/schema.ts'
import { BlobBusyError, leasedBlobs } from './blob-leases.ts'
import type { BlobLease } from './blob-store.ts'
import { databaseBlobs } from './blobs-sql.ts'
import type { Database } from '../db/database.ts'

let db: Database
let close: () => void
let incident: { appId: string; id: string }
let clock: number

beforeEach(async () => {
  ;({ db, close } = await openLibsql({ url: ':memory:' }))
  const { appId } = await insertAppWithKeys(db, 'Blob leases')
  incident = { appId, id: await insertReportedIncident(db, appId, 'The invoices page is blank', Date.now()) }
  clock = 1_000_000
})
afterEach(() => close())

const lease = 60_000
const store = (waits: number[] = []) => leasedBlobs(db, databaseBlobs(db), { leaseMs: lease, now: () => clock, wait: async (ms: number) => void waits.push(ms) })

async function content(text: string) {
  const bytes = new TextEncoder().encode(text)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return { bytes, sha256: [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('') }
}

const chunks = async (sha256: string) => Number((await db.all<{ n: number }>(sql`select count(*) as n from attachment_chunks where sha256 = ${sha256}`))[0]?.n)

/** The attachment row that points to staged bytes, written as the upload's batch writes it: only while they are staged, settling the lease. */
async function pointTo(blobs: ReturnType<typeof store>, lease: BlobLease, id: string): Promise<boolean> {
  const written = sql`exists (select 1 from ${attachments} where ${attachments.id} = ${id})`
  await db.batch([
    db.insert(attachments).select(sql`select ${id}, ${incident.appId}, ${incident.id}, null, 'a.log', 'text/plain', 1, ${lease.sha256}, ${clock} where ${blobs.staged(lease)}`),
    blobs.settle(lease, written),
  ])
  return (await db.all(sql`select 1 from ${attachments} where ${attachments.id} = ${id}`)).length === 1
}

/** Deletes one attachment row as deleteIncidentAttachments does: the store's release first, in the same batch. */
async function erase(blobs: ReturnType<typeof store>, id: string) {
  const leaving = sql`${attachments.id} = ${id}`
  const [first, ...rest] = blobs.release(leaving)
  if (!first) throw new Error('a leased store always releases with a statement')
  await db.batch([first, ...rest, db.delete(attachments).where(leaving)])
}

describe('leasedBlobs', () => {
  it('collects the bytes of an upload that never wrote its row, once its lease is over, not before', async () => {
    const blobs = store()
    const file = await content('half-finished')
    await blobs.stage(file)
    expect(await chunks(file.sha256)).toBe(1)
    expect(await blobs.collect()).toBe(0)
    clock += lease + 1
    expect(await blobs.collect()).toBe(1)
    expect(await chunks(file.sha256)).toBe(0)
  })

  it('keeps bytes a row points to, and deletes them at once when the row is released: the lease ended with the row', async () => {
    const blobs = store()
    const file = await content('kept')
    expect(await pointTo(blobs, await blobs.stage(file), 'att_kept')).toBe(true)
    expect(await blobs.collect()).toBe(0)
    expect(await (await blobs.open(file.sha256, file.bytes.length))?.getReader().read()).toMatchObject({ value: file.bytes })

    await erase(blobs, 'att_kept')
    expect(await blobs.collect()).toBe(1)
    expect(await blobs.open(file.sha256, file.bytes.length)).toBeUndefined()
  })

  it('keeps the bytes while another row still points to them', async () => {
    const blobs = store()
    const file = await content('shared')
    await pointTo(blobs, await blobs.stage(file), 'att_one')
    await pointTo(blobs, await blobs.stage(file), 'att_two')
    await erase(blobs, 'att_one')
    expect(await blobs.collect()).toBe(0)
    expect(await chunks(file.sha256)).toBe(1)
  })

  it('does not delete the bytes of an upload in flight: its lease outlives an erasure, and another row settling keeps it', async () => {
    const blobs = store()
    const file = await content('raced')
    await pointTo(blobs, await blobs.stage(file), 'att_old')
    // Two new uploads of the same bytes; the first writes its row, the second is still in flight.
    const first = await blobs.stage(file)
    clock += 1
    const second = await blobs.stage(file)
    await pointTo(blobs, first, 'att_first')
    await erase(blobs, 'att_old')
    await erase(blobs, 'att_first')
    expect(await blobs.collect()).toBe(0)
    expect(await pointTo(blobs, second, 'att_second')).toBe(true)
    clock += lease + 1
    expect(await blobs.collect()).toBe(0)
    expect(await chunks(file.sha256)).toBe(1)
  })

  it('refuses the row of an upload whose lease ran out and whose bytes a collect has taken', async () => {
    const blobs = store()
    const staged = await blobs.stage(await content('too slow'))
    clock += lease + 1
    expect(await blobs.collect()).toBe(1)
    expect(await pointTo(blobs, staged, 'att_late')).toBe(false)
  })

  it('makes an upload of bytes being deleted wait, and refuses it with BlobBusyError if the deletion does not end', async () => {
    const file = await content('busy')
    const staged = await store().stage(file)
    clock += lease + 1
    // A collect marked them and has not finished (its delete is still under way).
    await db.run(sql`update blob_objects set state = 'deleting', check_at = ${clock + 60_000}`)
    const waits: number[] = []
    await expect(store(waits).stage(file)).rejects.toThrow(BlobBusyError)
    expect(waits).toEqual([250, 500, 1000, 2000])
    expect(await pointTo(store(), staged, 'att_during')).toBe(false)
  })
})

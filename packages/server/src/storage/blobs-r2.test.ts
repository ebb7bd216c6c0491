/**
 * The lease protocol that keeps R2 objects and attachment rows in step. The real bucket runs only
 * in workerd (packages/server/test/workers runs uploads and downloads there); here a Map stands in
 * for it, on a real libSQL database, so races and lease expiry can be driven by a clock.
 */
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertAppWithKeys, insertReportedIncident } from '../../test/harness.ts'
import { openLibsql } from '../db/libsql.ts'
import { attachments } from '../db/schema.ts'
import type { R2BucketBinding } from './blobs-r2.ts'
import { BlobBusyError, r2BlobStore } from './blobs-r2.ts'
import type { Database } from './database.ts'

let db: Database
let close: () => void
let incident: { appId: string; id: string }
let clock: number
const objects = new Map<string, Uint8Array>()

/** A bucket in memory with R2's put/get/delete, checking `sha256` as R2 does. */
const bucket: R2BucketBinding = {
  async put(key, value, options) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', value as Uint8Array<ArrayBuffer>))
    if (options?.sha256 && options.sha256 !== [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')) throw new Error('checksum mismatch')
    objects.set(key, value)
  },
  async get(key) {
    const value = objects.get(key)
    return value ? { body: new Response(value as Uint8Array<ArrayBuffer>).body! } : null
  },
  async delete(keys) {
    for (const key of Array.isArray(keys) ? keys : [keys]) objects.delete(key)
  },
}

beforeEach(async () => {
  ;({ db, close } = await openLibsql({ url: ':memory:' }))
  const { appId } = await insertAppWithKeys(db, 'R2 leases')
  incident = { appId, id: await insertReportedIncident(db, appId, 'The invoices page is blank', Date.now()) }
  objects.clear()
  clock = 1_000_000
})
afterEach(() => close())

const lease = 60_000
const store = (waits: number[] = []) => r2BlobStore(db, bucket, { leaseMs: lease, now: () => clock, wait: async (ms) => void waits.push(ms) })

async function content(text: string) {
  const bytes = new TextEncoder().encode(text)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return { bytes, sha256: [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('') }
}

/** The attachment row that points to `sha256`, as the upload's batch writes it. */
async function pointTo(sha256: string, id = `att_${sha256.slice(0, 8)}`) {
  await db.insert(attachments).values({ id, appId: incident.appId, incidentId: incident.id, idempotencyKey: null, name: 'a.log', contentType: 'text/plain', size: 1, sha256, createdAt: clock })
}

const leaving = (id: string) => sql`${attachments.id} = ${id}`

/** Deletes one attachment row as deleteIncidentAttachments does: the store's release first, in the same batch. */
async function erase(blobs: ReturnType<typeof store>, id: string) {
  const [first, ...rest] = blobs.release(leaving(id))
  if (!first) throw new Error('an R2 store always releases with a statement')
  await db.batch([first, ...rest, db.delete(attachments).where(leaving(id))])
}

describe('r2BlobStore', () => {
  it('removes the object of an upload that never wrote its row, once its lease is over, not before', async () => {
    const blobs = store()
    const file = await content('half-finished')
    await blobs.stage(file, 'att_never')
    expect(objects.size).toBe(1)
    expect(await blobs.collect()).toBe(0)
    clock += lease + 1
    expect(await blobs.collect()).toBe(1)
    expect(objects.size).toBe(0)
  })

  it('keeps an object a row points to, and deletes it once the row is released', async () => {
    const blobs = store()
    const file = await content('kept')
    await blobs.stage(file, 'att_kept')
    await pointTo(file.sha256, 'att_kept')
    clock += lease + 1
    expect(await blobs.collect()).toBe(0)
    expect(await (await blobs.open(file.sha256, file.bytes.length))?.getReader().read()).toMatchObject({ value: file.bytes })

    await erase(blobs, 'att_kept')
    expect(await blobs.collect()).toBe(1)
    expect(await blobs.open(file.sha256, file.bytes.length)).toBeUndefined()
  })

  it('keeps the bytes while another row still points to them', async () => {
    const blobs = store()
    const file = await content('shared')
    await blobs.stage(file, 'att_one')
    await pointTo(file.sha256, 'att_one')
    await pointTo(file.sha256, 'att_two')
    await erase(blobs, 'att_one')
    clock += lease + 1
    expect(await blobs.collect()).toBe(0)
    expect(objects.size).toBe(1)
  })

  it('does not delete the object of an upload in flight: its lease outlives a deletion of the same bytes', async () => {
    const blobs = store()
    const file = await content('raced')
    await blobs.stage(file, 'att_old')
    await pointTo(file.sha256, 'att_old')
    clock += lease + 1
    await blobs.collect()
    // A new upload of the same bytes takes its lease, then the old row is erased before the new one is written.
    await blobs.stage(file, 'att_new')
    await erase(blobs, 'att_old')
    expect(await blobs.collect()).toBe(0)
    await pointTo(file.sha256, 'att_new')
    clock += lease + 1
    expect(await blobs.collect()).toBe(0)
    expect(objects.size).toBe(1)
  })

  it('makes an upload of bytes being deleted wait, and refuses it with BlobBusyError if the deletion does not end', async () => {
    const file = await content('busy')
    await store().stage(file, 'att_gone')
    clock += lease + 1
    // The deletion marked the object and has not finished (its R2 delete is still under way).
    await db.run(sql`update blob_objects set state = 'deleting', check_at = ${clock + 60_000}`)
    const waits: number[] = []
    await expect(store(waits).stage(file, 'att_next')).rejects.toThrow(BlobBusyError)
    expect(waits).toEqual([250, 500, 1000, 2000])
  })
})

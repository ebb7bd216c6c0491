import type { Client } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibsql } from '../src/storage/open-libsql.ts'
import type { ServiceContext } from '../src/domain/context.ts'
import { similarIndexFor } from '../src/similar/app-index.ts'
import type { Database } from '../src/db/database.ts'
import { insertAppWithKeys, insertReportedIncident } from './harness.ts'

// On Workers (requestBoundIo) a request never waits on a read of storage that another request
// started: that request may end, or be cancelled, before its read settles. These hold one read
// in flight, as a request that is still reading (or was cancelled mid-read) would.

let db: Database
let close: () => void
let client: Client
let clock = Date.UTC(2026, 10, 28, 12, 0, 0)
const context = (): ServiceContext => ({ db, reporterSecret: 'test', now: () => clock, requestBoundIo: true })

/** Holds the next query until the returned function is called (or forever). */
function holdNextQuery(): () => void {
  const execute = client.execute.bind(client) as (statement: never) => ReturnType<Client['execute']>
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  client.execute = ((statement: never) => {
    client.execute = execute as Client['execute']
    return held.then(() => execute(statement))
  }) as Client['execute']
  return release
}

beforeAll(async () => {
  ;({ db, close } = await openLibsql({ url: ':memory:' }))
  client = (db as unknown as { $client: Client }).$client
})
afterAll(() => close())

describe('the similar-incident index on Workers', () => {
  it('serves ingestion from the index as it stands while another request reads, and reads itself when it must be current', async () => {
    const { appId } = await insertAppWithKeys(db, 'Isolation')
    const first = await insertReportedIncident(db, appId, 'Checkout fails with a 502 error', clock - 1_000)
    expect((await similarIndexFor(context(), appId)).details.has(first)).toBe(true)

    clock += 1_000
    const second = await insertReportedIncident(db, appId, 'Checkout fails again with a 502 error', clock - 10)
    const release = holdNextQuery()
    const reading = similarIndexFor(context(), appId)

    // Ingestion (a staleness allowance): does not wait for that read, takes what the index holds.
    const asItStands = await similarIndexFor(context(), appId, 250)
    expect(asItStands.details.has(second)).toBe(false)
    // No allowance (suggestions, the agent's view): reads what changed itself.
    expect((await similarIndexFor(context(), appId)).details.has(second)).toBe(true)

    release()
    expect((await reading).details.has(second)).toBe(true)
  })

  it('stops counting on a read that never settles (its request was cancelled) after 10 s', async () => {
    const { appId } = await insertAppWithKeys(db, 'Cancelled')
    await similarIndexFor(context(), appId)
    clock += 1_000
    const later = await insertReportedIncident(db, appId, 'The export button does nothing', clock - 10)
    holdNextQuery()
    void similarIndexFor(context(), appId)

    clock += 9_000
    expect((await similarIndexFor(context(), appId, 250)).details.has(later)).toBe(false)
    clock += 1_001
    expect((await similarIndexFor(context(), appId, 250)).details.has(later)).toBe(true)
  })
})

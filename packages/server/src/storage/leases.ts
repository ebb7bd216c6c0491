import { sql } from 'drizzle-orm'
import { settings } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/**
 * A lease in the database, so that of several processes (or isolates) only one runs a periodic
 * job at a time. The value is `<expiry ms>|<holder>`; a lease is free once expired.
 *
 * @returns whether `holder` holds the lease until `now + ttlMs`
 */
export async function acquireLease(db: Database, name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
  const value = `${now + ttlMs}|${holder}`
  await db.run(sql`insert into ${settings} (name, value) values (${name}, ${value})
    on conflict (name) do update set value = excluded.value
    where cast(${settings.value} as integer) < ${now} or ${settings.value} like ${`%|${holder}`}`)
  const [row] = await db.all<{ value: string }>(sql`select value from ${settings} where name = ${name}`)
  return row?.value === value
}

export async function releaseLease(db: Database, name: string, holder: string): Promise<void> {
  await db.run(sql`update ${settings} set value = ${`0|${holder}`} where name = ${name} and value like ${`%|${holder}`}`)
}

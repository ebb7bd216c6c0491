import { eq } from 'drizzle-orm'
import { settings } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

/** Reads a setting, creating it with `create()` the first time; concurrent starts agree on one value. */
export async function getOrCreateSetting(db: Database, name: string, create: () => string): Promise<string> {
  await db.insert(settings).values({ name, value: create() }).onConflictDoNothing()
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.name, name))
  if (!row) throw new Error(`setting ${name} vanished right after it was written`)
  return row.value
}

export async function setSetting(db: Database, name: string, value: string): Promise<void> {
  await db.insert(settings).values({ name, value }).onConflictDoUpdate({ target: settings.name, set: { value } })
}

export async function readSetting(db: Database, name: string): Promise<string | undefined> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.name, name))
  return row?.value
}

import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { readSetting, setSetting } from './settings.ts'

/** Set once the repair has run, so later starts skip the scan. */
const repairedSetting = 'text_repaired_at'

const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Repairs rows written before issue #12 was fixed: text that SQLite's JSON functions stored as
 * bytes that are not UTF-8 (lone surrogates sent as JSON escapes). libSQL aborts the process on
 * reading such a value, so these rows made a server crash at every read. Each broken value is read
 * as bytes and written back decoded as a UTF-8 decoder does, with U+FFFD for what is broken.
 *
 * Runs once per database: one scan of each table for the byte that starts an encoded surrogate
 * (0xED), then a mark in settings. Storage writes only well-formed text since (see json-text.ts).
 *
 * @returns how many values it repaired (0 on later starts)
 */
export async function repairBrokenText(db: Database): Promise<number> {
  if (await readSetting(db, repairedSetting)) return 0
  let repaired = 0
  const tables = await db.all<{ name: string }>(
    // Not SQLite's own tables, nor drizzle's migration log, nor virtual tables.
    sql`select name from sqlite_master where type = 'table' and substr(name, 1, 7) != 'sqlite_' and substr(name, 1, 2) != '__' and sql not like 'create virtual%'`,
  )
  for (const { name: table } of tables) {
    const columns = (await db.all<{ name: string; type: string }>(sql.raw(`select name, type from pragma_table_info(${`'${table.replace(/'/g, "''")}'`})`)))
      .filter((column) => column.type.toUpperCase() === 'TEXT')
      .map((column) => column.name)
    if (columns.length === 0) continue
    const blobs = columns.map((column) => `cast(${quoted(column)} as blob)`)
    const rows = await db.all<Record<string, ArrayBuffer | null>>(
      sql.raw(
        `select rowid as "__rowid", ${blobs.map((blob, index) => `${blob} as c${index}`).join(', ')} from ${quoted(table)} where ${blobs.map((blob) => `instr(${blob}, x'ED') > 0`).join(' or ')}`,
      ),
    )
    for (const row of rows) {
      for (const [index, column] of columns.entries()) {
        const value = row[`c${index}`]
        if (!value) continue
        const bytes = new Uint8Array(value)
        try {
          strict.decode(bytes)
        } catch {
          await db.run(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${lenient.decode(bytes)} where rowid = ${row['__rowid']}`)
          repaired++
        }
      }
    }
  }
  await setSetting(db, repairedSetting, new Date().toISOString())
  return repaired
}

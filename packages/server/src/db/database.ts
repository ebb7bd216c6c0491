import type { LibSQLDatabase } from 'drizzle-orm/libsql'
import type { Schema } from './schema.ts'

/**
 * The database handle every storage function takes. Typed as the libSQL flavour; the D1 flavour
 * (Workers) has the same query and `batch` surface for everything storage uses.
 */
export type Database = LibSQLDatabase<Schema>

/**
 * Stands in for the SDK's `files.ts` in a script-tag panel: the store that keeps a queued
 * report's files across page loads (IndexedDB) and the multipart bodies that carry them come with
 * the attachments chunk, which is how files get into a report anyway (see chunk-loader.ts).
 */
import { attachmentsEvent } from './attachments-type.ts'
import { sdkPartFrom } from './chunk-loader.ts'

// biome-ignore lint/suspicious/noThenProperty: this module's namespace is a thenable on purpose (see sdkPartFrom).
export const then = sdkPartFrom('attachments', attachmentsEvent)

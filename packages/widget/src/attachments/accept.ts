import { limits } from '@triage/protocol'

// The server decides by the bytes (and answers 415 for anything else); this only spares the
// reporter an upload that cannot succeed. `.log` files often come without a type.
const acceptedType = /^(image\/(png|jpeg|webp|gif)|application\/pdf|text\/plain)$/

/** The `accept` of the file picker: the types the server stores. */
export const acceptTypes = 'image/png,image/jpeg,image/webp,image/gif,application/pdf,text/plain,.txt,.log'

/** Whether `file` may join `files`: an accepted type, at most 10 MB, 10 files and 25 MB in all. */
export function accepts(files: readonly File[], file: File): boolean {
  const total = files.reduce((sum, known) => sum + known.size, file.size)
  return (
    (acceptedType.test(file.type) || (!file.type && /\.(txt|log)$/i.test(file.name))) &&
    file.size > 0 &&
    file.size <= limits.attachmentBytes &&
    total <= limits.reportAttachmentBytes &&
    files.length < limits.attachmentsPerReport
  )
}

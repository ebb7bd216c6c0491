import type { ReportCreate } from '@triage/protocol'

/**
 * A report's files: where they wait until the report is sent (IndexedDB in browsers), and the
 * multipart bodies that carry them. Loaded on first use (see later-parts.ts): a page whose reports
 * carry no files never downloads it.
 */

/**
 * Where the files of a queued report wait until it is sent: IndexedDB in browsers, so they survive
 * a reload as the queue itself does in localStorage (Web Storage holds text only); else, and when
 * IndexedDB refuses (some private modes), nowhere but the queue's memory.
 */
export interface FileStore {
  put(key: string, files: Blob[]): Promise<unknown>
  get(key: string): Promise<Blob[] | undefined>
  remove(key: string): Promise<unknown>
}

const settled = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

/**
 * The browser's IndexedDB database `triage-files`, one record (the list of Blobs) per idempotency
 * key; undefined without IndexedDB. Async, so a bundle may bring this module later (later-parts.ts).
 */
export async function defaultFileStore(): Promise<FileStore | undefined> {
  if (typeof indexedDB === 'undefined') return undefined
  let opening: Promise<IDBDatabase> | undefined
  const files = async (mode: IDBTransactionMode) => {
    opening ??= new Promise((resolve, reject) => {
      const request = indexedDB.open('triage-files')
      request.onupgradeneeded = () => request.result.createObjectStore('files')
      settled(request).then(resolve, reject)
    })
    return (await opening).transaction('files', mode).objectStore('files')
  }
  return {
    put: async (key, blobs) => settled((await files('readwrite')).put(blobs, key)),
    get: async (key) => settled((await files('readonly')).get(key)),
    remove: async (key) => settled((await files('readwrite')).delete(key)),
  }
}

/**
 * A report and its files as one `multipart/form-data` body: the report's JSON in `report`, each
 * file in `file` (a Blob without a name goes as `attachment`; the server decides its type by its bytes).
 */
export function reportForm(report: ReportCreate, files: Blob[]): FormData {
  const form = new FormData()
  form.append('report', JSON.stringify(report))
  for (const file of files) appendFile(form, file)
  return form
}

/** One file as the body of `POST /v1/reports/:id/attachments` (field `file`). */
export function fileForm(file: Blob): FormData {
  const form = new FormData()
  appendFile(form, file)
  return form
}

const appendFile = (form: FormData, file: Blob) => form.append('file', file, (file as File).name || 'attachment')

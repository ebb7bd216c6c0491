import type { ReportCreate } from '@triage/protocol'

/**
 * A report's files: where they wait until the report is sent (IndexedDB in browsers), and the
 * multipart bodies that carry them. Loaded on first use (see later-parts.ts): a page whose reports
 * carry no files never downloads it.
 */

const settled = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

let opening: Promise<IDBDatabase> | undefined

/**
 * One request to the browser's IndexedDB database `triage-files`, one record (the list of Blobs)
 * per idempotency key, opened once per page. Web Storage holds text only, so this is where the
 * files of a queued report survive a reload, as the queue itself does in localStorage. It rejects
 * without IndexedDB (Node), or when IndexedDB refuses (some private modes): the queue then keeps
 * the files in its memory only.
 */
async function fileStore<T>(mode: IDBTransactionMode, request: (files: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  opening ??= new Promise((resolve, reject) => {
    const open = indexedDB.open('triage-files')
    open.onupgradeneeded = () => open.result.createObjectStore('files')
    settled(open).then(resolve, reject)
  })
  return settled(request((await opening).transaction('files', mode).objectStore('files')))
}

/** Keeps the files of the queued report under `key` for the next page load. */
export const keepFiles = (key: string, files: Blob[]): Promise<unknown> => fileStore('readwrite', (store) => store.put(files, key))

/** The files an earlier page kept for the report under `key`, if any. */
export const keptFiles = (key: string): Promise<Blob[] | undefined> => fileStore('readonly', (store) => store.get(key))

/** Forgets the files kept for the report under `key`. */
export const forgetFiles = (key: string): Promise<unknown> => fileStore('readwrite', (store) => store.delete(key))

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

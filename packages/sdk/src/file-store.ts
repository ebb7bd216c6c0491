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

/** The browser's IndexedDB database `triage-files`, one record (the list of Blobs) per idempotency key; undefined without IndexedDB. */
export function defaultFileStore(): FileStore | undefined {
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

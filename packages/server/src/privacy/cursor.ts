/** Opaque page cursors of the privacy routes: the last row's sort key, as base64url JSON. */

export function encodeCursor(key: readonly (string | number)[]): string {
  return btoa(JSON.stringify(key)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * The key a cursor holds when it has the shape `fits` expects (each position checked); undefined
 * for anything else, which the caller refuses.
 */
export function decodeCursor<T extends (string | number)[]>(cursor: string, fits: ((value: unknown) => boolean)[]): T | undefined {
  try {
    const decoded: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')))
    if (Array.isArray(decoded) && decoded.length === fits.length && fits.every((fit, index) => fit(decoded[index]))) return decoded as T
  } catch {
    // not one of ours
  }
  return undefined
}

export const isTime = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value)
export const isId = (value: unknown) => typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value)

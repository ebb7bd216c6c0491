import type { AddBreadcrumb } from './types.ts'
import { wrap } from './wrap.ts'

/**
 * Records failed requests (network error, or status 400 and up) made with `fetch` or
 * `XMLHttpRequest`: method, URL (scrubbed later with the rest) and status, 0 when none came.
 * Requests to the Triage API itself are left out. Callers get the very same responses and errors.
 */
export function captureHttp(add: AddBreadcrumb, endpoint: string): () => void {
  const record = (method: string, url: string, status: number) => {
    if (url.startsWith(endpoint)) return
    method = method.toUpperCase()
    add({ type: 'http', level: 'error', message: `${method} ${url} ${status || 'failed'}`, data: { method, url, status } })
  }

  const undoFetch = wrap(globalThis, 'fetch', (result, [input, init]) => {
    // fetch(url | URL | Request, init?)
    const request: Partial<Request> = typeof input === 'object' && input !== null ? input : {}
    const url = request.url ?? String(input)
    const method = (init as RequestInit | undefined)?.method ?? request.method ?? 'GET'
    return (result as Promise<Response>).then(
      (response) => {
        if (response.status >= 400) record(method, url, response.status)
        return response
      },
      (error: unknown) => {
        record(method, url, 0)
        throw error
      },
    )
  })

  const proto = globalThis.XMLHttpRequest?.prototype
  if (!proto) return undoFetch
  // Listened from `open`, so the listener is there before `send` whatever the XHR does; once per
  // object, which a page may open again for another request.
  const opened = new WeakMap<object, [string, string]>()
  const undoOpen = wrap(proto, 'open', (result, [method, url], self) => {
    const xhr = self as XMLHttpRequest
    if (!opened.has(xhr)) {
      xhr.addEventListener('loadend', () => {
        const request = opened.get(xhr)
        if (request && (xhr.status === 0 || xhr.status >= 400)) record(request[0], request[1], xhr.status)
      })
    }
    opened.set(xhr, [String(method), String(url)])
    return result
  })
  return () => {
    undoFetch()
    undoOpen()
  }
}

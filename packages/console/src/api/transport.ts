import type { Problem } from '@triage/protocol'

/**
 * The one place the console talks HTTP. Every call goes to the documented agent API on the
 * console's own origin, authenticated by the session cookie the browser holds (HttpOnly, so no
 * script of ours ever sees it); the browser adds the Origin header the server's CSRF check reads.
 */

/** A refusal from the API: its problem details (RFC 9457), whose `detail` says what to do. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Partial<Problem>
  /** Seconds to wait, from Retry-After (429). */
  readonly retryAfter: number | null

  constructor(status: number, problem: Partial<Problem>, retryAfter: number | null) {
    super(problem.detail ?? problem.title ?? `The server answered ${status}.`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
  }
}

/** The network failed (no answer at all), as opposed to an answer that refuses. */
export class OfflineError extends Error {
  constructor(cause: unknown) {
    super('The server cannot be reached.', { cause })
    this.name = 'OfflineError'
  }
}

export interface TransportOptions {
  /** The language of server-made words (category names, answer labels): `Accept-Language`. */
  locale: () => string
  /** Called when the session is gone (401 on an agent route): the console goes back to sign-in. */
  onSignedOut: () => void
}

let options: TransportOptions = { locale: () => 'en', onSignedOut: () => {} }

/** Sets the language and the sign-out handler, once, at start-up. */
export function configureTransport(next: TransportOptions): void {
  options = next
}

/**
 * Calls the API and answers its JSON body (undefined for 204).
 * @throws ApiError when the API refuses, OfflineError when it cannot be reached
 * @example const incident = await request<Incident>('GET', `/v1/incidents/${id}`)
 */
export async function request<T>(method: string, path: string, body?: unknown, init: { signal?: AbortSignal; quietUnauthorized?: boolean; keepalive?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': options.locale() }
  if (body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: init.signal,
      keepalive: init.keepalive,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new OfflineError(error)
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  const parsed: unknown = text ? safeJson(text) : undefined
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'))
    const error = new ApiError(response.status, isObject(parsed) ? (parsed as Partial<Problem>) : {}, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null)
    if (response.status === 401 && !init.quietUnauthorized) options.onSignedOut()
    throw error
  }
  return parsed as T
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** A query string from the defined values (undefined and empty strings left out). */
export function query(values: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

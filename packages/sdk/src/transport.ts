import type { Problem } from '@triage/protocol'
import { TriageError } from './errors.ts'
import { parseRetryAfter } from './retry-after.ts'

/** Where requests go, and with which `fetch` (by default the global one, looked up at each call). */
export interface Transport {
  endpoint: string
  fetch?: typeof fetch | undefined
}

export interface Request {
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  /** JSON, or a multipart form (files), sent as is with the boundary the runtime picks. */
  body?: object
  signal?: AbortSignal
  /** Let the request outlive the page (sent from `pagehide`). */
  keepalive?: boolean
}

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text()
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    throw new TriageError('invalid_response', response.status, `The server answered ${response.status} without JSON.`)
  }
}

/**
 * Sends one request and turns every failure into a `TriageError`: `network_error` when the server
 * was not reached (the fetch error as its `cause`), else the server's problem code, status and
 * Retry-After; a report's error names its idempotency key. Answers 2xx and 304 responses, their
 * body unread.
 */
export async function sendRaw(transport: Transport, { path, headers, body, ...init }: Request): Promise<Response> {
  const idempotencyKey = headers['idempotency-key']
  const form = body instanceof FormData
  let response: Response
  try {
    // Looked up now, not at creation: a fetch wrapped later (by breadcrumbs, or the app) is used.
    response = await (transport.fetch ?? fetch)(transport.endpoint.replace(/\/$/, '') + path, {
      ...init,
      // A content type on a GET is harmless: these requests are preflighted anyway (custom headers).
      // A form's is the runtime's, with its boundary.
      headers: form ? { accept: 'application/json', ...headers } : { accept: 'application/json', 'content-type': 'application/json', ...headers },
      // No body stringifies to undefined: a GET sends none.
      body: form ? body : JSON.stringify(body),
    })
  } catch (cause) {
    throw new TriageError('network_error', 0, `Could not reach ${transport.endpoint} (${cause}). Check the connection and try again.`, { cause, idempotencyKey })
  }
  if (response.ok || response.status === 304) return response
  const problem = (await readJson(response).catch(() => undefined)) as Problem | undefined
  throw new TriageError(
    problem?.code ?? (response.status >= 500 ? 'internal_error' : 'invalid_response'),
    response.status,
    problem?.detail ?? `The server answered ${response.status}.`,
    {
      problem,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      idempotencyKey,
    },
  )
}

/** Sends one request and answers its JSON body. */
export const send = async <T>(transport: Transport, request: Request): Promise<T> => (await readJson(await sendRaw(transport, request))) as T

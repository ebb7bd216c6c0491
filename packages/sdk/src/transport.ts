import type { Problem } from '@triage/protocol'
import { TriageError } from './errors.ts'

export interface TransportOptions {
  endpoint: string
  fetch?: typeof fetch
}

export interface Request {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: unknown
}

/** Sends one request and turns every failure into a `TriageError`. */
export async function send<T>(options: TransportOptions, request: Request): Promise<T> {
  const doFetch = options.fetch ?? globalThis.fetch
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers }
  if (request.body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await doFetch(options.endpoint.replace(/\/$/, '') + request.path, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    })
  } catch (cause) {
    throw new TriageError('network_error', 0, `Could not reach ${options.endpoint}: ${String(cause)}. Check the connection and try again.`)
  }
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    throw new TriageError('invalid_response', response.status, `The server answered ${response.status} with a body that is not JSON.`)
  }
  if (!response.ok) {
    const problem = parsed as Problem | undefined
    throw new TriageError(
      problem?.code ?? (response.status >= 500 ? 'internal_error' : 'invalid_response'),
      response.status,
      problem?.detail ?? `The server answered ${response.status}.`,
      problem,
    )
  }
  return parsed as T
}

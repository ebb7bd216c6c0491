// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest'
import { TriageError } from './errors.ts'
import { json, problem } from '@triage/testing/fake-api'
import { send } from './transport.ts'

const answering =
  (response: () => Response): typeof fetch =>
  async () =>
    response()
const get = (doFetch: typeof fetch) => send(transport(doFetch), { method: 'GET', path: '/v1/x', headers: {} })
const transport = (doFetch: typeof fetch) => ({ endpoint: 'https://triage.test/', fetch: doFetch })
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as TriageError,
  )

describe('send', () => {
  test('answers the JSON body of a 2xx, sending JSON to endpoint + path', async () => {
    let seen: { url: string; init: RequestInit | undefined } | undefined
    const recording: typeof fetch = async (input, init) => {
      seen = { url: String(input), init }
      return json(201, { ok: true })
    }
    await expect(send(transport(recording), { method: 'POST', path: '/v1/reports', headers: { 'x-triage-key': 'pk_1' }, body: { symptoms: 'x' } })).resolves.toEqual({ ok: true })
    expect(seen?.url).toBe('https://triage.test/v1/reports')
    expect(seen?.init?.body).toBe('{"symptoms":"x"}')
    expect(new Headers(seen?.init?.headers).get('content-type')).toBe('application/json')
    expect(new Headers(seen?.init?.headers).get('x-triage-key')).toBe('pk_1')
  })

  test('hands fetch the method, abort signal and keepalive asked for, and no other field of the request', async () => {
    const inits: (RequestInit | undefined)[] = []
    const recording: typeof fetch = async (_, init) => {
      inits.push(init)
      return json(200, {})
    }
    const { signal } = new AbortController()
    await send(transport(recording), { method: 'POST', path: '/v1/reports', headers: {}, body: {}, signal, keepalive: true })
    await send(transport(recording), { method: 'GET', path: '/v1/x', headers: {} })
    expect(inits[0]).toMatchObject({ method: 'POST', keepalive: true })
    expect(inits[0]?.signal).toBe(signal)
    expect(Object.keys(inits[0] ?? {}).sort()).toEqual(['body', 'headers', 'keepalive', 'method', 'signal'])
    expect(inits[1]?.method).toBe('GET')
    expect(inits[1]?.keepalive).toBeUndefined()
    expect(inits[1]?.signal).toBeUndefined()
    expect(inits[1]?.body).toBeUndefined()
  })

  test('turns a problem+json answer into a TriageError with its code, status, detail and body', async () => {
    const error = await failure(get(answering(() => problem(422, 'validation_failed', 'symptoms: must not be empty'))))
    expect(error).toBeInstanceOf(TriageError)
    expect(error).toMatchObject({ code: 'validation_failed', status: 422, detail: 'symptoms: must not be empty', retryable: false })
    expect(error?.problem?.type).toBe('/problems/validation-failed')
    expect(error?.message).toBe('validation_failed: symptoms: must not be empty')
  })

  test('keeps Retry-After from a 429 or 503', async () => {
    const error = await failure(get(answering(() => problem(429, 'rate_limited', 'Slow down.', { 'retry-after': '7' }))))
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 7_000 })
  })

  test('a 5xx without JSON (a proxy page) is a retryable internal_error', async () => {
    const error = await failure(get(answering(() => new Response('<h1>Bad gateway</h1>', { status: 502 }))))
    expect(error).toMatchObject({ code: 'internal_error', status: 502, retryable: true })
  })

  test('an unreachable server is a retryable network_error with status 0', async () => {
    const error = await failure(get(async () => Promise.reject(new TypeError('Failed to fetch'))))
    expect(error).toMatchObject({ code: 'network_error', status: 0, retryable: true })
    expect(error?.detail).toContain('Check the connection')
  })

  test("keeps the network's own error as the cause, and names the report's idempotency key", async () => {
    const offline = new TypeError('Failed to fetch')
    const error = await failure(
      send(
        transport(async () => Promise.reject(offline)),
        { method: 'POST', path: '/v1/reports', headers: { 'idempotency-key': 'key-1' }, body: {} },
      ),
    )
    expect(error?.cause).toBe(offline)
    expect(error?.idempotencyKey).toBe('key-1')
    const refused = await failure(
      send(transport(answering(() => problem(422, 'validation_failed', 'no'))), { method: 'POST', path: '/v1/reports', headers: { 'idempotency-key': 'key-2' } }),
    )
    expect(refused).toMatchObject({ code: 'validation_failed', idempotencyKey: 'key-2' })
  })

  test('a 2xx that is not JSON is an invalid_response, not retried', async () => {
    const error = await failure(get(answering(() => new Response('hello', { status: 200 }))))
    expect(error).toMatchObject({ code: 'invalid_response', retryable: false })
  })
})

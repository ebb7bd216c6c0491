import { describe, expect, test } from 'vitest'
import { problemBody } from '@triage/protocol'
import { laterPart, TriageError } from './errors.ts'

describe('TriageError', () => {
  test('takes every field in its constructor, and keeps what failed underneath as its cause', () => {
    const offline = new TypeError('Failed to fetch')
    const error = new TriageError('network_error', 0, 'Could not reach the server.', { cause: offline, idempotencyKey: 'key-1' })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'TriageError', code: 'network_error', status: 0, detail: 'Could not reach the server.', idempotencyKey: 'key-1' })
    expect(error.cause).toBe(offline)
    expect(error.message).toBe('network_error: Could not reach the server.')
    expect(error.retryable).toBe(true)
  })

  test("carries the server's problem and how long it asked to wait", () => {
    const problem = problemBody('rate_limited', 429, 'Slow down.', { retryAfter: 7 })
    const error = new TriageError('rate_limited', 429, 'Slow down.', { problem, retryAfterMs: 7_000 })
    expect(error).toMatchObject({ problem, retryAfterMs: 7_000, retryable: true })
    expect(error.cause).toBeUndefined()
    expect(new TriageError('validation_failed', 422, 'no').retryable).toBe(false)
  })
})

describe('laterPart', () => {
  test('a part that cannot be fetched is a retryable network_error that keeps the import error as its cause', async () => {
    const unreachable = new TypeError('Failed to fetch dynamically imported module: https://app.example/assets/files-3f2a.js')
    const error = await laterPart(Promise.reject(unreachable)).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TriageError)
    expect(error).toMatchObject({ code: 'network_error', status: 0, retryable: true, detail: String(unreachable) })
    expect((error as TriageError).cause).toBe(unreachable)
  })

  test('a part that comes is handed over as it is', async () => {
    const part = { fileForm: () => new FormData() }
    await expect(laterPart(Promise.resolve(part))).resolves.toBe(part)
  })
})

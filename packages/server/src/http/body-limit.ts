import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './env.ts'

/**
 * Why refused bodies are still read: a client that is still sending when the server answers
 * and closes gets a reset connection instead of the answer (the unread bytes make the TCP stack
 * send RST; RFC 9112 §9.6 warns of it). So a refused body is read to its end and thrown away,
 * up to this many bytes in all; past that the connection is cut rather than read any longer.
 */
export const drainBytes = 8 * 1024 * 1024

type Reader = ReadableStreamDefaultReader<Uint8Array>

/** Reads and discards the rest of a body, up to `budget` bytes counting `alreadyRead`, then lets go of it. */
async function discardRest(reader: Reader, alreadyRead: number, budget = drainBytes): Promise<void> {
  let read = alreadyRead
  try {
    while (read <= budget) {
      const { done, value } = await reader.read()
      if (done) return
      read += value.byteLength
    }
    await reader.cancel()
  } catch {
    // The client went away: there is no one left to answer.
  }
}

/**
 * Reads and discards a whole body of up to `budget` bytes, so the client reads the refusal sent
 * before it; a longer one is cut there. For routes whose bodies may be larger than `drainBytes`.
 */
export async function discardBody(body: ReadableStream<Uint8Array>, budget: number): Promise<void> {
  await discardRest(body.getReader(), 0, budget)
}

/**
 * Reads a body of unknown length, keeping at most `maxBytes`: past that it reads the rest only
 * to discard it, up to `drainUpTo` bytes in all (see drainBytes), and answers undefined.
 *
 * @returns the whole body, or undefined when it is over `maxBytes`
 */
export async function readBounded(body: ReadableStream<Uint8Array>, maxBytes: number, drainUpTo = drainBytes): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await discardRest(reader, size, drainUpTo)
      return undefined
    }
    chunks.push(value)
  }
  const whole = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    whole.set(chunk, offset)
    offset += chunk.byteLength
  }
  return whole
}

/**
 * Once a request is refused (any 4xx or 5xx) before its body was read — too large, unauthorized,
 * rate limited, not found — reads the body to its end, so the client reads the refusal rather
 * than a reset connection. A body declared over `drainBytes` is left unread: that connection is
 * cut. Requests that were served read their body already; their cost is one status check.
 */
export const drainRefusedBody = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  if (c.res.status < 400) return
  const length = c.req.header('content-length')
  if (length === undefined ? c.req.header('transfer-encoding') === undefined : !(Number(length) > 0 && Number(length) <= drainBytes)) return
  const { raw } = c.req
  if (raw.bodyUsed || !raw.body || raw.body.locked) return
  await discardRest(raw.body.getReader(), 0)
})

import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { drainBytes, drainRefusedBody, readBounded } from './body-limit.ts'
import type { AppEnv } from './env.ts'

/** A body of `chunks` chunks of 64 KiB that records how far it was read and whether it was cancelled. */
function countedBody(chunks: number) {
  const chunk = new Uint8Array(64 * 1024).fill(120)
  const state = { pulled: 0, cancelled: false }
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled === chunks) return controller.close()
        state.pulled++
        controller.enqueue(chunk)
      },
      cancel() {
        state.cancelled = true
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, state }
}

describe('readBounded', () => {
  it('answers the whole body when it is within the limit', async () => {
    const { stream } = countedBody(3)
    expect((await readBounded(stream, 3 * 64 * 1024))?.byteLength).toBe(3 * 64 * 1024)
  })

  it('answers undefined over the limit, having read the rest to its end so the client can read the refusal', async () => {
    const { stream, state } = countedBody(32)
    expect(await readBounded(stream, 64 * 1024)).toBeUndefined()
    expect(state).toEqual({ pulled: 32, cancelled: false })
  })

  it('stops reading and cancels a body past the drain bound', async () => {
    const { stream, state } = countedBody(drainBytes / (64 * 1024) + 50)
    expect(await readBounded(stream, 64 * 1024)).toBeUndefined()
    expect(state.pulled).toBe(drainBytes / (64 * 1024) + 1)
    expect(state.cancelled).toBe(true)
  })
})

describe('drainRefusedBody', () => {
  const app = new Hono<AppEnv>()
  app.use('*', drainRefusedBody)
  app.post('/refuse', (c) => c.json({ refused: true }, 401))
  app.post('/serve', (c) => c.json({ served: true }, 200))
  const post = (path: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
    app.request(path, { method: 'POST', body: stream, headers, duplex: 'half' } as RequestInit)

  it('reads the unread body of a refused request to its end', async () => {
    const { stream, state } = countedBody(32)
    const response = await post('/refuse', stream, { 'transfer-encoding': 'chunked' })
    expect(response.status).toBe(401)
    expect(state.pulled).toBe(32)
  })

  it('leaves the body of a served request alone', async () => {
    const { stream, state } = countedBody(32)
    expect((await post('/serve', stream, { 'transfer-encoding': 'chunked' })).status).toBe(200)
    expect(state.pulled).toBe(0)
  })

  it('leaves a body declared over the drain bound unread: that connection is cut instead', async () => {
    const { stream, state } = countedBody(32)
    expect((await post('/refuse', stream, { 'content-length': String(drainBytes + 1) })).status).toBe(401)
    expect(state.pulled).toBe(0)
  })
})

/**
 * A calibration point, not the product: the naive server the issue compares against — Hono on
 * Node, one libSQL insert per request (WAL, synchronous=NORMAL), no validation, keys or engine.
 * `BENCH_SERVER=bench/naive-server.ts npm run bench` measures it with the same load and checks.
 */
import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { Hono } from 'hono'
import type { AddressInfo } from 'node:net'

const client = createClient({ url: process.env['DATABASE_URL'] ?? 'file:naive.db' })
await client.execute('PRAGMA journal_mode = WAL')
await client.execute('PRAGMA synchronous = NORMAL')
await client.execute('create table if not exists incidents (id integer primary key, idempotency_key text, is_major integer default 0, body text)')

const app = new Hono()
app.get('/healthz', (c) => c.json({ ok: true }))
app.post('/v1/reports', async (c) => {
  const body = await c.req.text()
  const result = await client.execute({ sql: 'insert into incidents (idempotency_key, body) values (?, ?)', args: [c.req.header('idempotency-key') ?? null, body] })
  return c.json({ id: String(result.lastInsertRowid), number: `INC-${String(result.lastInsertRowid).padStart(6, '0')}`, status: 'new' }, 201)
})
const server = serve({ fetch: app.fetch, port: Number(process.env['PORT'] ?? 0), hostname: '127.0.0.1' }, () => {
  console.log(`naive server listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})

import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import type { IncidentList, ReportCreated } from '@triage/protocol'

// Crash safety (#12): the real server in its own process, killed with SIGKILL while 40 clients
// file reports. Afterwards every report answered 201 is there and readable, no number is given
// twice, and the server starts again cleanly on the same file.

const entry = fileURLToPath(new URL('../src/node.ts', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'triage-crash-'))
const env = {
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATABASE_URL: `file:${join(folder, 'triage.db')}`,
  TRIAGE_DEMO_PK: `pk_${randomBytes(24).toString('base64url')}`,
  TRIAGE_DEMO_SK: `sk_${randomBytes(24).toString('base64url')}`,
  TRIAGE_SECRET: randomBytes(32).toString('hex'),
  TRIAGE_RATE_LIMIT: '0',
}
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(folder, { recursive: true, force: true })
})

/** `node packages/server/src/node.ts` on a free port; resolves with its URL once it listens. */
async function start(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(?:listening on|is up at) (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolve(match[1])
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code, signal) => reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`)))
  })
  return { url, child }
}

interface Acknowledged {
  key: string
  report: ReportCreated
}

it('keeps every acknowledged report through kill -9 under load, numbers each once, and restarts cleanly', async () => {
  const first = await start()
  const acknowledged: Acknowledged[] = []
  let killed = false
  const client = async (name: number) => {
    for (let sequence = 0; !killed; sequence++) {
      const key = `crash-${name}-${sequence}`
      try {
        const response = await fetch(`${first.url}/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-triage-key': env.TRIAGE_DEMO_PK, 'idempotency-key': key },
          body: JSON.stringify({ symptoms: `Checkout fails for client ${name}, attempt ${sequence}`, context: { url: 'https://shop.example/checkout' } }),
        })
        if (response.status === 201) acknowledged.push({ key, report: (await response.json()) as ReportCreated })
      } catch {
        return // the connection died with the server
      }
    }
  }
  const clients = Array.from({ length: 40 }, (_, name) => client(name))
  await expect.poll(() => acknowledged.length, { timeout: 15_000, interval: 20 }).toBeGreaterThanOrEqual(300)
  const exited = new Promise((resolve) => first.child.once('exit', resolve))
  first.child.kill('SIGKILL')
  killed = true
  await Promise.all([exited, ...clients])
  expect(first.child.signalCode).toBe('SIGKILL')

  const second = await start()
  const secretKey = env.TRIAGE_DEMO_SK
  // Every acknowledged report: present, readable by its reporter, and the same on a retry.
  for (let start = 0; start < acknowledged.length; start += 20) {
    const views = await Promise.all(
      acknowledged.slice(start, start + 20).map(async ({ report }) => {
        const view = await fetch(`${second.url}/v1/reports/${report.id}`, { headers: { authorization: `Bearer ${report.reporterToken}` } })
        return [report.number, view.status, ((await view.json()) as ReportCreated).number]
      }),
    )
    for (const [number, status, stored] of views) expect([number, status, stored]).toEqual([number, 200, number])
  }
  const retried = acknowledged[acknowledged.length - 1]
  if (!retried) throw new Error('nothing was acknowledged')
  const replay = await fetch(`${second.url}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-triage-key': env.TRIAGE_DEMO_PK, 'idempotency-key': retried.key },
    body: JSON.stringify({
      symptoms: `Checkout fails for client ${retried.key.split('-')[1]}, attempt ${retried.key.split('-')[2]}`,
      context: { url: 'https://shop.example/checkout' },
    }),
  })
  expect(((await replay.json()) as ReportCreated).id).toBe(retried.report.id)

  // No number twice, among all the incidents stored (acknowledged or cut off in flight).
  const numbers: string[] = []
  let cursor: string | null = null
  do {
    const page = (await (
      await fetch(`${second.url}/v1/incidents?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${secretKey}` } })
    ).json()) as IncidentList
    numbers.push(...page.items.map((item) => item.number))
    cursor = page.nextCursor
  } while (cursor)
  expect(numbers.length).toBeGreaterThanOrEqual(acknowledged.length)
  expect(new Set(numbers).size).toBe(numbers.length)
  expect(new Set(acknowledged.map(({ report }) => report.number)).size).toBe(acknowledged.length)
  console.log(`crash safety: ${acknowledged.length} reports acknowledged before kill -9, all ${acknowledged.length} present after restart, ${numbers.length} stored`)
  second.child.kill('SIGTERM')
}, 60_000)

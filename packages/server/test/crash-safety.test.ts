import { expect, it } from 'vitest'
import type { IncidentList, ReportCreated } from '@triage/protocol'
import { serverProcesses } from './server-process.ts'

// Crash safety (#12): the real server in its own process, killed with SIGKILL while 40 clients
// file reports. Afterwards every report answered 201 is there and readable, no number is given
// twice, and the server starts again cleanly on the same file.

const { env, start } = serverProcesses('triage-crash-')

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

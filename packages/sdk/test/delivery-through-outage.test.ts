import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { IncidentList } from '@triage/protocol'
import type { NodeConfig, RunningServer } from '@triage/server'
import { readNodeConfig, startNodeServer } from '@triage/server'
import { createTriageCore, memoryStorage } from '@triage/sdk'
import type { TriageCore } from '@triage/sdk'

// Exactly-once delivery through an outage, against the real server: it stops and restarts on
// the same port and database file while reports keep coming.

const folder = mkdtempSync(join(tmpdir(), 'triage-sdk-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function allIncidents(url: string, secretKey: string): Promise<IncidentList['items']> {
  const items: IncidentList['items'] = []
  for (let cursor: string | null = ''; cursor !== null; ) {
    const response = await fetch(`${url}/v1/incidents?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${secretKey}` } })
    expect(response.status).toBe(200)
    const page = (await response.json()) as IncidentList
    items.push(...page.items)
    cursor = page.nextCursor
  }
  return items
}

/** Files `symptoms` and tells how it went: created now, or queued for later. */
async function file(triage: TriageCore, symptoms: string): Promise<'created' | 'queued'> {
  const report = await triage.report({ symptoms })
  return report.status === 'queued' ? 'queued' : 'created'
}

describe('delivery through an outage', () => {
  it('200 reports, a third of them sent while the server is down, arrive exactly once each', async () => {
    // From the environment knobs, so every other setting keeps its default.
    const config: NodeConfig = readNodeConfig({
      DATABASE_URL: `file:${join(folder, 'triage.db')}`,
      PORT: String(await freePort()),
      TRIAGE_RATE_LIMIT: '0',
      TRIAGE_DEMO_PK: 'pk_outage_test_publishable_key',
      // Stored keys are hashes: a restarted server cannot tell its secret key again, so give it one.
      TRIAGE_DEMO_SK: 'sk_outage_test_secret_key_for_listing',
    })
    const storage = memoryStorage()
    const options = { key: config.demoPublishableKey ?? '', storage, retry: { attempts: 2, baseDelayMs: 5 } }
    const symptoms = Array.from({ length: 200 }, (_, n) => `Outage report #${n + 1}`)
    let server: RunningServer = await startNodeServer(config)
    const triage = createTriageCore({ endpoint: server.url, ...options })

    const before = await Promise.all(symptoms.slice(0, 50).map((text) => file(triage, text)))
    await server.close()
    const during = await Promise.all(symptoms.slice(50, 116).map((text) => file(triage, text)))
    expect(JSON.parse(storage.getItem(`triage:queue:${options.key}`) ?? '[]')).toHaveLength(66)

    server = await startNodeServer(config)
    try {
      // Sent as the server comes back: each success also sends some of what waits.
      const after = await Promise.all(symptoms.slice(116, 150).map((text) => file(triage, text)))
      // A reload: a new client over the same storage sends what is left, while new reports come.
      const reloaded = createTriageCore({ endpoint: server.url, ...options })
      const last = await Promise.all(symptoms.slice(150).map((text) => file(reloaded, text)))
      let pending = (await reloaded.flush()).pending
      for (let round = 0; pending > 0 && round < 10; round++) pending = (await triage.flush()).pending
      triage.close()
      reloaded.close()

      expect(before.every((outcome) => outcome === 'created')).toBe(true)
      expect(during.every((outcome) => outcome === 'queued')).toBe(true)
      expect([...after, ...last].every((outcome) => outcome === 'created')).toBe(true)
      expect(pending).toBe(0)
      expect(storage.getItem(`triage:queue:${options.key}`)).toBeNull()

      // Besides the reports, the server may open major incidents grouping similar ones.
      const reports = (await allIncidents(server.url, config.demoSecretKey ?? '')).filter((incident) => !incident.isMajor)
      expect(reports).toHaveLength(200)
      expect(new Set(reports.map((incident) => incident.symptoms))).toEqual(new Set(symptoms))
    } finally {
      await server.close()
    }
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IncidentList } from '@triage/protocol'
import type { EphemeralServer } from '@triage/server'
import { startEphemeralServer } from '@triage/server'
import { createTriage, TriageError } from '@triage/sdk'

// The SDK against the real server over HTTP. Where a test needs a bad network, it wraps the
// real fetch: some calls fail before or after reaching the server, the rest go through.
let server: EphemeralServer
beforeAll(async () => {
  server = await startEphemeralServer()
})
afterAll(() => server.stop())

const fastRetry = { attempts: 4, baseDelayMs: 1 }

interface Call {
  idempotencyKey: string | null
}

function flakyFetch(plan: ('ok' | 'fail-before' | 'fail-after' | '503')[]) {
  const calls: Call[] = []
  const wrapped: typeof fetch = async (input, init) => {
    const step = plan[calls.length] ?? 'ok'
    calls.push({ idempotencyKey: new Headers(init?.headers).get('idempotency-key') })
    if (step === 'fail-before') throw new TypeError('fetch failed')
    if (step === '503') return new Response('{"code":"internal_error","detail":"busy"}', { status: 503 })
    const response = await fetch(input, init)
    if (step === 'fail-after') throw new TypeError('connection reset after the request was sent')
    return response
  }
  return { fetch: wrapped, calls }
}

async function incidentsWith(symptoms: string): Promise<number> {
  const response = await fetch(`${server.url}/v1/incidents?limit=200`, { headers: { authorization: `Bearer ${server.secretKey}` } })
  const list = (await response.json()) as IncidentList
  return list.items.filter((incident) => incident.symptoms === symptoms).length
}

describe('createTriage().report', () => {
  it('files a report and reads it back as the reporter', async () => {
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey })
    const report = await triage.report({ symptoms: 'The invoice PDF will not download' })
    expect(report.number).toMatch(/^INC-\d{6}$/)
    const view = await triage.getReport(report.id, report.reporterToken)
    expect(view).toMatchObject({ id: report.id, status: 'new' })
  })

  it('retries a lost response with the same idempotency key and gets one incident', async () => {
    const network = flakyFetch(['fail-after', 'ok'])
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, fetch: network.fetch, retry: fastRetry })
    const symptoms = `Saved filters vanish ${crypto.randomUUID()}`
    const report = await triage.report({ symptoms })
    expect(network.calls).toHaveLength(2)
    expect(network.calls[0]?.idempotencyKey).toBeTruthy()
    expect(network.calls[1]?.idempotencyKey).toBe(network.calls[0]?.idempotencyKey)
    expect(report.number).toMatch(/^INC-/)
    expect(await incidentsWith(symptoms)).toBe(1)
  })

  it('retries 503s and network failures, then succeeds', async () => {
    const network = flakyFetch(['503', 'fail-before', 'ok'])
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, fetch: network.fetch, retry: fastRetry })
    await expect(triage.report({ symptoms: 'flaky but fine' })).resolves.toMatchObject({ status: 'new' })
    expect(network.calls).toHaveLength(3)
  })

  it('gives up after the configured attempts with a network_error', async () => {
    const network = flakyFetch(['fail-before', 'fail-before', 'fail-before', 'fail-before', 'ok'])
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, fetch: network.fetch, retry: fastRetry })
    const error = await triage.report({ symptoms: 'never arrives' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TriageError)
    expect(error).toMatchObject({ code: 'network_error', status: 0 })
    expect(network.calls).toHaveLength(4)
  })

  it('throws the server problem as a typed error and does not retry a 4xx', async () => {
    const network = flakyFetch([])
    const triage = createTriage({ endpoint: server.url, key: server.publishableKey, fetch: network.fetch, retry: fastRetry })
    const error = (await triage.report({ symptoms: '   ' }).catch((e: unknown) => e)) as TriageError
    expect(error).toBeInstanceOf(TriageError)
    expect(error).toMatchObject({ code: 'validation_failed', status: 422 })
    expect(error.detail).toContain('symptoms')
    expect(error.problem?.errors?.[0]?.path).toBe('symptoms')
    expect(network.calls).toHaveLength(1)
  })

  it('reports an unknown key as invalid_key', async () => {
    const triage = createTriage({ endpoint: server.url, key: 'pk_not_a_real_key' })
    await expect(triage.report({ symptoms: 'x' })).rejects.toMatchObject({ code: 'invalid_key', status: 401 })
  })
})

import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IncidentList } from '@triage/protocol'
import type { EphemeralServer } from '@triage/testing/ephemeral-server'
import { startEphemeralServer } from '@triage/testing/ephemeral-server'

// The example as a user runs it: `node examples/sdk-node/report.ts`, on the SDK that
// `npm run build` made (dist), against the real server.
const script = fileURLToPath(new URL('report.ts', import.meta.url))
const run = promisify(execFile)
let server: EphemeralServer
beforeAll(async () => {
  server = await startEphemeralServer()
})
afterAll(() => server.stop())

describe('examples/sdk-node/report.ts', () => {
  it('reports the failure and prints the ticket number', async () => {
    const { stdout } = await run(process.execPath, [script], { env: { ...process.env, TRIAGE_ENDPOINT: server.url, TRIAGE_KEY: server.publishableKey } })
    const number = /Reported as (INC-\d{6})/.exec(stdout)?.[1]
    expect(number).toBeDefined()
    const response = await fetch(`${server.url}/v1/incidents?limit=50`, { headers: { authorization: `Bearer ${server.secretKey}` } })
    const { items } = (await response.json()) as IncidentList
    const incident = items.find((item) => item.number === number)
    expect(incident?.symptoms).toContain('invoice export failed: ENOSPC')
    expect(incident?.context).toMatchObject({ job: 'export-invoices', appVersion: '1.4.0', environment: 'example' })
  })

  it('says what went wrong and fails when the key is refused', async () => {
    const error = (await run(process.execPath, [script], { env: { ...process.env, TRIAGE_ENDPOINT: server.url, TRIAGE_KEY: 'pk_unknown' } }).catch((e: unknown) => e)) as {
      code: number
      stderr: string
    }
    expect(error.code).toBe(1)
    expect(error.stderr).toContain('Could not report it (invalid_key)')
  })
})

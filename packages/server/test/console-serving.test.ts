/**
 * `/console` on Node (#18): the built console with its security headers, from the folder the
 * build writes (here a stand-in; the same checks run on Workers in ../workers/worker.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { readNodeConfig } from '../src/config.ts'
import type { RunningServer } from '../src/node-server.ts'
import { startNodeServer } from '../src/node-server.ts'
import { expectConsoleServed, writeConsoleFixture } from './console-fixture.ts'

const folder = mkdtempSync(join(tmpdir(), 'triage-console-'))
const servers: RunningServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
  rmSync(folder, { recursive: true, force: true })
})

async function serve(consoleDir: string): Promise<RunningServer> {
  const config = {
    ...readNodeConfig({ DATABASE_URL: `file:${join(folder, `${servers.length}.db`)}`, PORT: '0' }),
    webhookIntervalMs: 0,
    slaSweepIntervalMs: 0,
    demoAgent: undefined,
    consoleDir,
  }
  const server = await startNodeServer(config)
  servers.push(server)
  return server
}

it('serves the built console at /console with a strict CSP and its security headers', async () => {
  const fixture = writeConsoleFixture(join(folder, 'dist'))
  const server = await serve(join(folder, 'dist'))
  await expectConsoleServed(server.url, fixture)
})

it('says how to build the console when it is not built', async () => {
  const server = await serve(join(folder, 'not-built'))
  const response = await fetch(`${server.url}/console`)
  expect(response.status).toBe(404)
  expect(((await response.json()) as { detail: string }).detail).toContain('npm run build')
})

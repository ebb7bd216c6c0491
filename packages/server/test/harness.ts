import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ReportCreate } from '@triage/protocol'
import { generateKey } from '../src/security/keys.ts'
import { insertApp, insertKey } from '../src/storage/apps.ts'
import type { RunningServer } from '../src/node-server.ts'
import { startNodeServer } from '../src/node-server.ts'

export interface TestServer extends RunningServer {
  publishableKey: string
  secretKey: string
  stop: () => Promise<void>
}

/** The real Node server over HTTP on a fresh libSQL file in a temporary folder. */
export async function startTestServer(): Promise<TestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'triage-test-'))
  const server = await startNodeServer({
    databaseUrl: `file:${join(folder, 'triage.db')}`,
    databaseAuthToken: undefined,
    port: 0,
    host: '127.0.0.1',
    secret: undefined,
    demoPublishableKey: undefined,
    demoSecretKey: undefined,
  })
  return {
    ...server,
    publishableKey: server.demo.publishableKey,
    secretKey: server.demo.secretKey ?? '',
    stop: async () => {
      await server.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

/** A second tenant with its own keys, to prove apps never see each other. */
export async function createOtherApp(server: RunningServer, allowedOrigins: string[] = []) {
  const appId = await insertApp(server.db, { name: 'Other app', allowedOrigins })
  const publishableKey = generateKey('publishable')
  const secretKey = generateKey('secret')
  const publishableKeyId = await insertKey(server.db, { appId, kind: 'publishable', name: 'web', key: publishableKey })
  const secretKeyId = await insertKey(server.db, { appId, kind: 'secret', role: 'admin', name: 'other admin', key: secretKey })
  return { appId, publishableKey, secretKey, publishableKeyId, secretKeyId }
}

export function postReport(
  server: { url: string },
  key: string,
  body: ReportCreate | string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-triage-key': key, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export function getAs(server: { url: string }, path: string, bearer: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } })
}

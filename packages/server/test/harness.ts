import type { ReportCreate } from '@triage/protocol'
import { generateKey } from '../src/security/keys.ts'
import { insertApp, insertKey } from '../src/storage/apps.ts'
import type { RunningServer } from '../src/node-server.ts'
export { startEphemeralServer as startTestServer } from '../src/ephemeral.ts'
export type { EphemeralServer as TestServer } from '../src/ephemeral.ts'

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

/** A secret key of the demo app with the given role. */
export async function createAgentKey(server: RunningServer, role: 'l1' | 'l2' | 'l3' | 'admin', name = `${role} agent`): Promise<string> {
  const key = generateKey('secret')
  await insertKey(server.db, { appId: 'app_demo', kind: 'secret', role, name, key })
  return key
}

/** Sends JSON with a bearer credential; `undefined` body sends none. */
export function sendAs(server: { url: string }, method: string, path: string, bearer: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${bearer}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  return fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
}

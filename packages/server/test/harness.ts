import { expect } from 'vitest'
import type { Problem, ReportCreate } from '@triage/protocol'
import { triage } from '@triage/engine'
import { newId } from '../src/ids.ts'
import { firstEvents, newIncident } from '../src/reports/new-incident.ts'
import type { Database } from '../src/db/database.ts'
import { insertIncidentsOnce } from '../src/storage/incidents.ts'
import { insertAppWithKeys } from '../src/bootstrap.ts'
import { generateKey } from '../src/security/keys.ts'
import { insertKey } from '../src/storage/apps.ts'
import type { RunningServer } from '../src/node-server.ts'
export { insertAppWithKeys } from '../src/bootstrap.ts'
export { startEphemeralServer as startTestServer } from '@triage/testing/ephemeral-server'
export type { EphemeralServer as TestServer } from '@triage/testing/ephemeral-server'

/** A second tenant with its own keys, to prove apps never see each other. */
export function createOtherApp(server: RunningServer, allowedOrigins: string[] = []) {
  return insertAppWithKeys(server.db, 'Other app', allowedOrigins)
}

/**
 * Writes an incident as the report path would have at `at` (triaged, with its first events),
 * straight into storage: for histories a test cannot wait for, such as a report a month old.
 * @returns its id
 */
export async function insertReportedIncident(db: Database, appId: string, symptoms: string, at: number): Promise<string> {
  const reasoning = triage({ symptoms, createdAt: at })
  const incident = newIncident({
    id: newId('inc', at),
    appId,
    idempotencyKey: null,
    requestHash: 'inserted by a test',
    reasoning,
    symptoms,
    answers: {},
    context: {},
    contact: {},
    sla: { policy: null, calendar: null },
    now: at,
  })
  await insertIncidentsOnce(db, [{ incident, events: firstEvents(reasoning, at, { status: 'new' }) }])
  return incident.id
}

export function postReport(server: { url: string }, key: string, body: ReportCreate | string, headers: Record<string, string> = {}): Promise<Response> {
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

export interface ServerEvent {
  event: string
  id?: string
  data: string
}

/** Reads Server-Sent Events from a fetch response, as a browser's EventSource would. */
export async function* events(response: Response): AsyncGenerator<ServerEvent> {
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader()
  if (!reader) return
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += value
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const fields = block.split('\n').filter((line) => !line.startsWith(':'))
      if (fields.length === 0) continue
      const get = (name: string) => fields.filter((line) => line.startsWith(`${name}: `)).map((line) => line.slice(name.length + 2))
      yield { event: get('event')[0] ?? 'message', id: get('id')[0], data: get('data').join('\n') }
    }
  }
}

/** Posts one file to a report as `multipart/form-data` (field `file`), with the reporter token. */
export function uploadFile(
  server: { url: string },
  reportId: string,
  reporterToken: string,
  file: { bytes: Uint8Array; name: string; type?: string },
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData()
  form.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type ?? '' }), file.name)
  return fetch(`${server.url}/v1/reports/${reportId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${reporterToken}`, ...headers }, body: form })
}

/** Hex SHA-256 of bytes, to compare what was sent with what comes back. */
export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** The response is an RFC 9457 problem with this status and code. */
export async function expectProblem(response: Response, status: number, code: Problem['code']): Promise<Problem> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const body = (await response.json()) as Problem
  expect(body).toMatchObject({ status, code })
  return body
}

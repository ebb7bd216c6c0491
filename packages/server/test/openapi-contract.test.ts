import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Problem, ReportCreated } from '@triage/protocol'
import { problemCodes } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { postReport, startTestServer } from './harness.ts'

// The server does what its OpenAPI document says (#12.8).

let server: TestServer
let report: ReportCreated
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 })
  report = (await (await postReport(server, server.publishableKey, { symptoms: 'The export hangs' })).json()) as ReportCreated
})
afterAll(() => server.stop())

const code = async (response: Response) => [response.status, ((await response.json()) as Problem).code]

describe('credentials before the body', () => {
  it.each(['messages', 'confirm', 'reopen'])('answers 401 to POST /v1/reports/{id}/%s without a token, whatever the body', async (action) => {
    const response = await fetch(`${server.url}/v1/reports/${report.id}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"body": 12, "extra": true}',
    })
    expect(await code(response)).toEqual([401, 'missing_key'])
  })

  it('answers 404 to a wrong token before reading a broken body', async () => {
    const response = await fetch(`${server.url}/v1/reports/${report.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer rt_wrong' },
      body: 'not json',
    })
    expect(await code(response)).toEqual([404, 'not_found'])
  })

  it('answers 401 to POST /v1/reports without a key before looking at the body', async () => {
    const response = await fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"symptoms": ""}' })
    expect(await code(response)).toEqual([401, 'missing_key'])
  })
})

describe('methods a path does not take', () => {
  it.each([
    ['PUT', '/v1/incidents/inc_1', 'GET, HEAD, PATCH'],
    ['DELETE', '/v1/reports', 'POST, GET, HEAD'],
    ['GET', '/v1/admin/webhooks/whk_1/rotate-secret', 'POST'],
    ['POST', '/healthz', 'GET, HEAD'],
  ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const response = await fetch(`${server.url}${path}`, { method })
    expect(await code(response)).toEqual([405, 'method_not_allowed'])
    expect(response.headers.get('allow')?.split(', ').sort()).toEqual(allow.split(', ').sort())
  })

  it('still answers 404 where no route has the path', async () => {
    expect(await code(await fetch(`${server.url}/v1/nothing`, { method: 'PUT' }))).toEqual([404, 'not_found'])
  })
})

describe('the document', () => {
  it('names a server and gives every operation an operationId, unique', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { servers?: { url: string }[]; paths: Record<string, Record<string, { operationId?: string }>> }
    expect(document.servers?.length).toBeGreaterThan(0)
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ where: `${method.toUpperCase()} ${path}`, id: operation.operationId })),
    )
    expect(operations.filter((operation) => !operation.id).map((operation) => operation.where)).toEqual([])
    expect(new Set(operations.map((operation) => operation.id)).size).toBe(operations.length)
  })

  it('documents 429 with Retry-After on every rate-limited route, and 400 on the reporter view', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>
    }
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!path.startsWith('/v1/reports') && path !== '/v1/diagnostics' && path !== '/v1/notices') continue
      for (const [method, operation] of Object.entries(methods))
        expect([method, path, operation.responses['429']?.headers?.['Retry-After'] !== undefined]).toEqual([method, path, true])
    }
    expect(document.paths['/v1/reports/{id}']?.['get']?.responses['400']).toBeDefined()
  })
})

describe('docs/problems.md', () => {
  it('explains every problem code the API can answer', () => {
    const docs = readFileSync(new URL('../../../docs/problems.md', import.meta.url), 'utf8')
    expect(problemCodes.filter((code) => !docs.includes(`/problems/${code.replace(/_/g, '-')}`))).toEqual([])
  })
})
